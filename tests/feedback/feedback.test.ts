/**
 * The user dictionary's pipeline step and the decisions / dictionary API:
 * a rejected name disappears from later extractions, an added one appears,
 * with offsets into the caller's text (traditional and full-width too).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadEngines } from '../../src/pipeline/recognise/engines/registry.js';
import { extractWith, pipelineFor } from '../helpers/extract.js';
import { inProcessExtractor } from '../../src/service/extractor.js';
import { dictionaryChanges, feedbackFor } from '../../src/feedback/service.js';
import { openSqlite } from '../../src/store/sqlite/index.js';
import type { NameEngine } from '../../src/pipeline/recognise/engines/name-engine.js';
import type { Repository } from '../../src/store/repository.js';
import type { ExtractResponse } from '../../src/contract/schemas.js';

const TEXT = '湖南华菱钢铁集团有限责任公司董事长张三丰表示，公司将在长沙投资5亿元。\n\n蓝海星辰科技是一家新公司，王小明出席了会议。';
let engine: NameEngine;
let engines: ReadonlyMap<string, NameEngine>;

beforeAll(async () => {
  ({ engines } = await loadEngines({ ENGINE: 'lexicon' } as never));
  engine = engines.get('lexicon')!;
});
const setUserDictionary = (entries: Parameters<ReturnType<typeof pipelineFor>['dictionary']['set']>[0]) => pipelineFor(engine).dictionary.set(entries);
beforeEach(() => setUserDictionary([]));

const names = (r: ExtractResponse) => r.mentions.map((m) => `${m.type}:${m.text}`);
const invariant = (r: ExtractResponse) => {
  for (const m of r.mentions) expect(r.text.slice(m.start, m.end)).toBe(m.text);
};

describe('the dictionary step', () => {
  it('drops denied names of that type only, and adds exact matches of added names', async () => {
    const before = await extractWith(engine, { text: TEXT });
    expect(names(before)).toContain('PERSON:王小明');
    expect(names(before)).not.toContain('COMPANY:蓝海星辰科技');
    setUserDictionary([
      { name: '王小明', type: 'PERSON', action: 'deny' },
      { name: '张三丰', type: 'ORG', action: 'deny' },
      { name: '蓝海星辰科技', type: 'COMPANY', action: 'add' },
    ]);
    const after = await extractWith(engine, { text: TEXT });
    invariant(after);
    expect(names(after)).not.toContain('PERSON:王小明');
    expect(names(after)).toContain('PERSON:张三丰');
    expect(names(after)).toContain('COMPANY:蓝海星辰科技');
    const e = after.entities.find((x) => x.name === '蓝海星辰科技')!;
    expect(e.type).toBe('COMPANY');
  });

  it('matches through the norm map (traditional, full-width) and never overlaps a mention', async () => {
    setUserDictionary([
      { name: '蓝海星辰科技', type: 'COMPANY', action: 'add' },
      { name: '华菱钢铁', type: 'COMPANY', action: 'add' },
    ]);
    const text = '藍海星辰科技今天宣布，湖南华菱钢铁集团有限责任公司表示支持。';
    const r = await extractWith(engine, { text });
    invariant(r);
    const m = r.mentions.find((x) => x.type === 'COMPANY' && x.start === 0)!;
    expect(m.text).toBe('藍海星辰科技');
    // 华菱钢铁 lies inside the recognised company name: not added
    expect(r.mentions.filter((x) => x.text === '华菱钢铁')).toEqual([]);
  });

  it('takes the longest added name', async () => {
    setUserDictionary([
      { name: '蓝海', type: 'COMPANY', action: 'add' },
      { name: '蓝海星辰科技', type: 'COMPANY', action: 'add' },
    ]);
    const r = await extractWith(engine, { text: '蓝海星辰科技发布新品。' });
    expect(names(r)).toEqual(['COMPANY:蓝海星辰科技']);
  });
});

describe('decision → dictionary rules', () => {
  const target = { type: 'PERSON', name_simplified: '王小明' };
  it('maps actions to entries', () => {
    expect(dictionaryChanges({ action: 'accept', entity: 'e1', editor: 'w' }, target)).toEqual([]);
    expect(dictionaryChanges({ action: 'reject', entity: 'e1', editor: 'w' }, target)).toEqual([{ name: '王小明', type: 'PERSON', action: 'deny', editor: 'w' }]);
    expect(dictionaryChanges({ action: 'add', name: '藍海', type: 'COMPANY', editor: 'w' }, null)).toEqual([{ name: '蓝海', type: 'COMPANY', action: 'add', editor: 'w' }]);
    expect(dictionaryChanges({ action: 'rename', name: '王小明明', editor: 'w' }, target)).toEqual([{ name: '王小明明', type: 'PERSON', action: 'add', editor: 'w' }]);
    expect(dictionaryChanges({ action: 'retype', type: 'ORG', editor: 'w' }, target)).toEqual([
      { name: '王小明', type: 'ORG', action: 'add', editor: 'w' },
      { name: '王小明', type: 'PERSON', action: 'deny', editor: 'w' },
    ]);
  });
});

describe('the decisions and dictionary API', () => {
  let dir: string;
  let store: Repository;
  let app: ReturnType<typeof createApp>;
  const services = () => ({ config: { MAX_BODY_BYTES: 1 << 20, MAX_TEXT_CHARS: 100_000 }, extractor: inProcessExtractor(engines, { engine: 'lexicon' }), store });
  const req = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: res.status === 204 ? null : await res.json() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feedback-test-'));
    store = openSqlite(join(dir, 'store.db'));
    const s = services();
    app = createApp(s);
    await feedbackFor(s).ready;
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records decisions and feeds the dictionary; later extractions change', async () => {
    const ingest = await req('POST', '/v1/articles', { text: TEXT });
    expect(ingest.status).toBe(201);
    const id = ingest.body.article.id as string;
    const result = ingest.body.result as ExtractResponse;
    const wang = result.entities.find((e) => e.name === '王小明')!;
    const zhang = result.entities.find((e) => e.name === '张三丰')!;

    const acc = await req('POST', `/v1/articles/${id}/decisions`, { action: 'accept', entity: zhang.id, editor: 'wang.li' });
    expect(acc.status).toBe(201);
    expect(acc.body.decision).toMatchObject({ action: 'accept', entity: zhang.id, name: '张三丰', type: 'PERSON', editor: 'wang.li' });
    expect(acc.body.dictionary).toEqual([]);

    const rej = await req('POST', `/v1/articles/${id}/decisions`, { action: 'reject', entity: wang.id, editor: 'wang.li' });
    expect(rej.status).toBe(201);
    expect(rej.body.dictionary).toEqual([{ name: '王小明', type: 'PERSON', action: 'deny' }]);

    const start = TEXT.indexOf('蓝海星辰科技');
    const add = await req('POST', `/v1/articles/${id}/decisions`, { action: 'add', start, end: start + 6, type: 'COMPANY', editor: 'wang.li' });
    expect(add.status).toBe(201);
    expect(add.body.decision).toMatchObject({ name: '蓝海星辰科技', start, end: start + 6 });

    const list = await req('GET', `/v1/articles/${id}/decisions`);
    expect(list.body.decisions.map((d: { action: string }) => d.action)).toEqual(['accept', 'reject', 'add']);

    const dict = await req('GET', '/v1/dictionary');
    expect(dict.body.entries.map((e: { name: string; action: string }) => `${e.action}:${e.name}`)).toEqual(['add:蓝海星辰科技', 'deny:王小明']);

    const again = await req('POST', '/v1/extract', { text: TEXT });
    expect(names(again.body)).not.toContain('PERSON:王小明');
    expect(names(again.body)).toContain('COMPANY:蓝海星辰科技');

    // lift the deny through the API: the name comes back
    expect((await req('DELETE', `/v1/dictionary?name=${encodeURIComponent('王小明')}&type=PERSON`)).status).toBe(204);
    expect((await req('DELETE', `/v1/dictionary?name=${encodeURIComponent('王小明')}&type=PERSON`)).status).toBe(404);
    expect(names((await req('POST', '/v1/extract', { text: TEXT })).body)).toContain('PERSON:王小明');
  });

  it('edits the dictionary directly (simplified names), validates, and refuses bad decisions', async () => {
    const put = await req('POST', '/v1/dictionary', { entries: [{ name: '東方紅', type: 'ORG', action: 'add' }] });
    expect(put.status).toBe(200);
    expect(put.body.entries[0]).toMatchObject({ name: '东方红', type: 'ORG', action: 'add' });
    expect((await req('GET', '/v1/dictionary?type=ORG')).body.entries.map((e: { name: string }) => e.name)).toEqual(['东方红']);
    expect((await req('POST', '/v1/dictionary', { name: 'x', type: 'NOPE', action: 'add' })).status).toBe(422);
    const ingest = await req('POST', '/v1/articles', { text: '东方红今天开业。' });
    const id = ingest.body.article.id;
    expect(names(ingest.body.result)).toContain('ORG:东方红');
    expect((await req('POST', `/v1/articles/${id}/decisions`, { action: 'accept', entity: 'e999', editor: 'w' })).status).toBe(422);
    expect((await req('POST', `/v1/articles/${id}/decisions`, { action: 'add', start: 0, end: 999, type: 'ORG', editor: 'w' })).status).toBe(422);
    expect((await req('POST', `/v1/articles/${id}/decisions`, { action: 'accept', entity: 'e1' })).status).toBe(422);
    expect((await req('POST', '/v1/articles/a_nope/decisions', { action: 'accept', entity: 'e1', editor: 'w' })).status).toBe(404);
    // no entity id (or a stale one): the name and type say what to deny
    const rej = await req('POST', `/v1/articles/${id}/decisions`, { action: 'reject', name: '東方紅', type: 'ORG', editor: 'w' });
    expect(rej.status).toBe(201);
    expect(rej.body.dictionary).toEqual([{ name: '东方红', type: 'ORG', action: 'deny' }]);
    expect(names((await req('POST', '/v1/extract', { text: '东方红今天开业。' })).body)).not.toContain('ORG:东方红');
  });
});

describe('changes made by another process', () => {
  it('arrive with the periodic refresh', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feedback-refresh-'));
    const store = openSqlite(join(dir, 'store.db'));
    const other = openSqlite(join(dir, 'store.db'));
    try {
      const { Feedback } = await import('../../src/feedback/service.js');
      // the feedback of an in-process extractor whose pipeline is the one these tests extract with
      const f = new Feedback({ store, extractor: { setDictionary: (entries) => setUserDictionary(entries) } }, 50);
      await f.ready;
      expect(names(await extractWith(engine, { text: TEXT }))).toContain('PERSON:王小明');
      await other.putDictionary([{ name: '王小明', type: 'PERSON', action: 'deny' }]);
      await expect.poll(async () => names(await extractWith(engine, { text: TEXT })), { timeout: 3000 }).not.toContain('PERSON:王小明');
      f.stop();
    } finally {
      await other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
