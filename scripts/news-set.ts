/**
 * Builds and checks the modern-news evaluation set (eval/news, see its README).
 *
 *   npx tsx scripts/news-set.ts            check every eval/news/src file, write dev.jsonl, test.jsonl, SOURCES.md
 *   npx tsx scripts/news-set.ts --check    check only; exit 1 on an error or when the built files are stale
 *   npx tsx scripts/news-set.ts FILE…      check only these annotated files (for annotators)
 *
 * The parsing and checks live in src-independent code here on purpose: the set
 * is data about the contract, not part of the service.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

export const NEWS_DIR = join(fileURLToPath(new URL('..', import.meta.url)), 'eval', 'news');

export const TYPES = ['PERSON', 'LOCATION', 'ORG', 'COMPANY', 'MONEY', 'PERCENT', 'QUANTITY', 'DATE'] as const;
export const NAME_TYPES = new Set(['PERSON', 'LOCATION', 'ORG', 'COMPANY']);
const GRAINS = new Set(['minute', 'hour', 'day', 'week', 'month', 'quarter', 'halfyear', 'year', 'decade', 'century']);
const REGIONS = new Set(['CN', 'HK', 'TW', 'MO']);
const REQUIRED = ['id', 'source', 'url', 'licence', 'region', 'published', 'published_basis', 'kind'] as const;
/** Bare generic references the contract never tags (ANNOTATION.md, Names). */
const GENERIC = new Set(['市委', '市政府', '省里', '开发区', '管委会', '公司', '集团', '我省', '全市', '该企业', '省委', '省政府', '县委', '县政府', '区委', '区政府', '本公司', '企业', '政府', '國家', '国家', '公司']);

export interface NewsMention {
  start: number;
  end: number;
  type: (typeof TYPES)[number];
  text: string;
  value?: Record<string, unknown> | null;
}
export interface NewsArticle {
  id: string;
  split: NewsSplit;
  source: string;
  url: string;
  licence: string;
  region: string;
  published: string;
  published_basis: string;
  kind: string;
  batch: string;
  text: string;
  mentions: NewsMention[];
}

export interface Problem {
  file: string;
  line: number;
  level: 'error' | 'warning';
  message: string;
}

const MARK = /\[\[([^\]|]*)\|([A-Z]+)(?:\|((?:(?!\]\]).)*))?\]\]/g;
const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });
const ISO_DAY = /^(\d{4}|XXXX)-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

export type NewsSplit = 'train' | 'dev' | 'test';

/**
 * A split off a stable hash of the id: half the articles are test (reported once), as from the start; of the other
 * half, one in two (second hash byte odd) has been training data for the model since 0.5.0 (MODEL_CARD round 13) and
 * the rest is dev, for choices.
 */
export function splitOf(id: string): NewsSplit {
  const h = createHash('sha1').update(id).digest();
  if (h[0] % 2 === 1) return 'test';
  return h[1] % 2 === 1 ? 'train' : 'dev';
}

/** Corpus line ids (`xwlb_chinadata/part-012:26394`) that the training annotations hold, read once. */
let annotated: Set<string> | null = null;
const ANNOTATIONS_DIR = join(NEWS_DIR, '..', '..', 'training', 'annotations');

/** The lines of a `source: shared/data/corpus <src> <part> lines A-B` range that are training data. */
export function trainingLinesIn(source: string): string[] {
  const m = /^shared\/data\/corpus (\S+) (part-\d+) lines (\d+)-(\d+)/.exec(source);
  if (!m) return [];
  if (!annotated) {
    annotated = new Set();
    if (existsSync(ANNOTATIONS_DIR)) {
      for (const f of readdirSync(ANNOTATIONS_DIR).filter((n) => n.endsWith('.jsonl'))) {
        for (const line of readFileSync(join(ANNOTATIONS_DIR, f), 'utf8').split('\n')) if (line.trim()) annotated.add(JSON.parse(line).id);
      }
    }
  }
  const out: string[] = [];
  for (let n = +m[3]; n <= +m[4]; n++) if (annotated.has(`${m[1]}/${m[2]}:${n}`)) out.push(`${m[2]}:${n}`);
  return out;
}

export function parseArticle(file: string, raw: string, batch: string): { article: NewsArticle | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const err = (line: number, message: string, level: Problem['level'] = 'error') => problems.push({ file, line, level, message });
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n').split('\n');
  const sep = lines.indexOf('---');
  if (sep < 0) {
    err(1, 'no `---` line between header and text');
    return { article: null, problems };
  }
  const header: Record<string, string> = {};
  lines.slice(0, sep).forEach((l, i) => {
    if (!l.trim()) return;
    const m = /^([a-z_]+):\s*(.*)$/.exec(l);
    if (!m) err(i + 1, `header line is not \`key: value\`: ${l}`);
    else header[m[1]] = m[2].trim();
  });
  for (const k of REQUIRED) if (!header[k]) err(1, `header lacks \`${k}\``);
  if (header.id && !/^[a-z0-9-]+$/.test(header.id)) err(1, `id must be [a-z0-9-]+: ${header.id}`);
  if (header.region && !REGIONS.has(header.region)) err(1, `region must be one of ${[...REGIONS].join(' ')}`);
  if (header.published && !/^\d{4}-\d{2}-\d{2}$/.test(header.published)) err(1, 'published must be YYYY-MM-DD');

  const body = lines.slice(sep + 1);
  while (body.length && body[body.length - 1] === '') body.pop();
  let text = '';
  const mentions: NewsMention[] = [];
  body.forEach((line, i) => {
    const lineNo = sep + 2 + i;
    if (i > 0) text += '\n';
    let last = 0;
    MARK.lastIndex = 0;
    for (let m = MARK.exec(line); m; m = MARK.exec(line)) {
      text += line.slice(last, m.index);
      const [, surface, type, valueJson] = m;
      const start = text.length;
      text += surface;
      last = m.index + m[0].length;
      const mention: NewsMention = { start, end: text.length, type: type as NewsMention['type'], text: surface };
      if (!(TYPES as readonly string[]).includes(type)) err(lineNo, `unknown type ${type} on «${surface}»`);
      if (!surface) err(lineNo, `empty mark of type ${type}`);
      if (surface !== surface.trim()) err(lineNo, `«${surface}» has whitespace at an edge`);
      if (NAME_TYPES.has(type)) {
        if (valueJson !== undefined) err(lineNo, `${type} «${surface}» takes no value`);
        if (GENERIC.has(surface)) err(lineNo, `«${surface}» is a bare generic word (not tagged by the contract)`, 'warning');
        if ([...surface].length === 1) err(lineNo, `«${surface}» is a single character: only standalone abbreviations used as places are tagged`, 'warning');
      } else if (TYPES.includes(type as never)) {
        if (valueJson === undefined) err(lineNo, `${type} «${surface}» needs a value (or null)`);
        else {
          try {
            const value = JSON.parse(valueJson) as NewsMention['value'];
            for (const msg of checkValue(type, value)) err(lineNo, `${type} «${surface}»: ${msg}`);
            mention.value = value;
          } catch (e) {
            err(lineNo, `${type} «${surface}»: value is not JSON: ${(e as Error).message}`);
          }
        }
      }
      mentions.push(mention);
    }
    const rest = line.slice(last);
    if (/\[\[|\]\]/.test(rest) || /\[\[|\]\]/.test(line.slice(0, last).replace(MARK, ''))) err(lineNo, 'a broken mark (`[[` or `]]` left over)');
    text += rest;
  });
  for (const m of mentions) {
    if (text.slice(m.start, m.end) !== m.text) err(1, `internal: slice mismatch for «${m.text}»`);
  }
  if (!mentions.length) err(1, 'no mentions');
  const trained = trainingLinesIn(header.source ?? '');
  if (trained.length) err(1, `corpus lines ${trained.slice(0, 5).join(', ')} are training data (training/annotations): an evaluation article must not quote them`);
  if (problems.some((p) => p.level === 'error')) return { article: null, problems };
  const id = header.id;
  return {
    article: {
      id,
      split: splitOf(id),
      source: header.source,
      url: header.url,
      licence: header.licence,
      region: header.region,
      published: header.published,
      published_basis: header.published_basis,
      kind: header.kind,
      batch,
      text,
      mentions,
    },
    problems,
  };
}

const finite = (x: unknown) => typeof x === 'number' && Number.isFinite(x);
const allowed = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).filter((k) => !keys.includes(k)).map((k) => `unexpected key \`${k}\``);

export function checkValue(type: string, value: unknown): string[] {
  if (value === null) return type === 'DATE' ? [] : ['only a DATE value may be null'];
  if (typeof value !== 'object' || Array.isArray(value)) return ['value must be an object'];
  const v = value as Record<string, unknown>;
  const out: string[] = [];
  if ('approx' in v && v.approx !== true) out.push('`approx` is written only when true');
  if ('vague' in v && v.vague !== true) out.push('`vague` is written only when true');
  if (type === 'MONEY') {
    out.push(...allowed(v, ['amount', 'amount_max', 'currency', 'approx']));
    if (!finite(v.amount)) out.push('`amount` must be a finite number');
    if (typeof v.currency !== 'string' || !/^[A-Z]{3}$/.test(v.currency)) out.push('`currency` must be ISO 4217 (3 capitals)');
    if ('amount_max' in v && !(finite(v.amount_max) && (v.amount_max as number) >= (v.amount as number))) out.push('`amount_max` must be ≥ amount');
  } else if (type === 'PERCENT') {
    out.push(...allowed(v, ['value', 'value_max', 'unit', 'approx']));
    if (!finite(v.value)) out.push('`value` must be a finite number');
    if ('unit' in v && v.unit !== 'percentage_point') out.push('`unit` is only "percentage_point"');
    if ('value_max' in v && !(finite(v.value_max) && (v.value_max as number) >= (v.value as number))) out.push('`value_max` must be ≥ value');
  } else if (type === 'QUANTITY') {
    out.push(...allowed(v, ['value', 'value_max', 'unit', 'approx']));
    if (!finite(v.value)) out.push('`value` must be a finite number');
    if (typeof v.unit !== 'string' || !v.unit) out.push('`unit` must be a non-empty string');
    else if (toSimplified(v.unit) !== v.unit) out.push(`\`unit\` is written in simplified characters (${toSimplified(v.unit)})`);
    if ('value_max' in v && !(finite(v.value_max) && (v.value_max as number) >= (v.value as number))) out.push('`value_max` must be ≥ value');
  } else if (type === 'DATE') {
    out.push(...allowed(v, ['start', 'end', 'grain', 'vague']));
    if (!GRAINS.has(v.grain as string)) out.push(`\`grain\` must be one of ${[...GRAINS].join(' ')}`);
    for (const k of ['start', 'end'] as const) {
      if (v[k] === null) continue;
      const m = typeof v[k] === 'string' ? ISO_DAY.exec(v[k] as string) : null;
      if (!m) out.push(`\`${k}\` must be YYYY-MM-DD, YYYY-MM-DDTHH:MM or null (XXXX for an unknown year)`);
      else {
        const [, y, mo, d] = m;
        const dt = new Date(Date.UTC(y === 'XXXX' ? 2000 : +y, +mo - 1, +d));
        if (dt.getUTCMonth() !== +mo - 1 || dt.getUTCDate() !== +d) out.push(`\`${k}\` is not a calendar date`);
      }
    }
    if (typeof v.start === 'string' && typeof v.end === 'string' && v.start.slice(0, 4) !== 'XXXX' && v.end.slice(0, 4) !== 'XXXX' && v.start > v.end) {
      out.push('start is after end');
    }
    if ((v.start === null) !== (v.end === null)) out.push('start and end are both null or both set');
  }
  return out;
}

/** Every annotated file under eval/news/src, as [path, batch]. */
export function sourceFiles(dir = join(NEWS_DIR, 'src')): [string, string][] {
  if (!existsSync(dir)) return [];
  const out: [string, string][] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.txt')) out.push([p, relative(dir, d) || '.']);
    }
  };
  walk(dir);
  return out;
}

export function buildSet(files = sourceFiles()): { articles: NewsArticle[]; problems: Problem[] } {
  const articles: NewsArticle[] = [];
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  for (const [file, batch] of files) {
    const r = parseArticle(relative(NEWS_DIR, file), readFileSync(file, 'utf8'), batch);
    problems.push(...r.problems);
    if (!r.article) continue;
    const seen = ids.get(r.article.id);
    if (seen) problems.push({ file: relative(NEWS_DIR, file), line: 1, level: 'error', message: `id ${r.article.id} also in ${seen}` });
    ids.set(r.article.id, relative(NEWS_DIR, file));
    articles.push(r.article);
  }
  articles.sort((a, b) => a.id.localeCompare(b.id));
  return { articles, problems };
}

export function renderBuilt(articles: NewsArticle[]): Record<string, string> {
  const jsonl = (split: string) =>
    articles
      .filter((a) => a.split === split)
      .map((a) => JSON.stringify(a) + '\n')
      .join('');
  const rows = articles.map(
    (a) => `| ${a.id} | ${a.split} | ${a.region} | ${a.kind} | ${a.published} | ${a.source} | ${a.url === '-' ? '—' : a.url} | ${a.licence} | ${a.mentions.length} |`,
  );
  const sources = [
    '# Sources of the modern-news evaluation set',
    '',
    'Generated by `npx tsx scripts/news-set.ts` from the headers of `src/`. The texts are quoted for evaluation only; each keeps the terms of its source.',
    '',
    '| id | split | region | kind | published | source | url | terms | mentions |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  return { 'train.jsonl': jsonl('train'), 'dev.jsonl': jsonl('dev'), 'test.jsonl': jsonl('test'), 'SOURCES.md': sources };
}

export function summary(articles: NewsArticle[]): string {
  const by = new Map<string, number>();
  for (const a of articles) for (const m of a.mentions) by.set(`${a.split}/${m.type}`, (by.get(`${a.split}/${m.type}`) ?? 0) + 1);
  const lines: string[] = [];
  for (const split of ['train', 'dev', 'test']) {
    const arts = articles.filter((a) => a.split === split);
    const n = arts.reduce((s, a) => s + a.mentions.length, 0);
    lines.push(`${split}: ${arts.length} articles, ${n} mentions — ` + TYPES.map((t) => `${t} ${by.get(`${split}/${t}`) ?? 0}`).join(', '));
  }
  return lines.join('\n');
}

function main() {
  const args = process.argv.slice(2);
  const checkOnly = args.includes('--check');
  const explicit = args.filter((a) => !a.startsWith('--'));
  const files: [string, string][] = explicit.length ? explicit.map((f) => [f, 'cli']) : sourceFiles();
  const { articles, problems } = buildSet(files);
  for (const p of problems) console.log(`${p.level.toUpperCase()} ${p.file}:${p.line}: ${p.message}`);
  const errors = problems.filter((p) => p.level === 'error').length;
  console.log(summary(articles));
  if (errors) {
    console.log(`${errors} error(s)`);
    process.exit(1);
  }
  if (explicit.length) return;
  const built = renderBuilt(articles);
  let stale = false;
  for (const [name, content] of Object.entries(built)) {
    const path = join(NEWS_DIR, name);
    const now = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (now === content) continue;
    stale = true;
    if (!checkOnly) writeFileSync(path, content);
  }
  if (checkOnly && stale) {
    console.log('the built files are stale: run `npx tsx scripts/news-set.ts`');
    process.exit(1);
  }
  if (!checkOnly) console.log(stale ? 'written: train.jsonl, dev.jsonl, test.jsonl, SOURCES.md' : 'up to date');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
