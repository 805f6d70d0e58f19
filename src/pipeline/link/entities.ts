/**
 * From mentions to entities. Mentions are grouped by type and normalised
 * name (simplified text; the value for amounts and dates), then groups that
 * are aliases of one another in this article are merged (short ↔ full forms,
 * surname + title ↔ person, two names of one administrative division). Each
 * entity gets a canonical name (the fullest clean form, in the article's
 * script and simplified), its aliases, a role for people, a place code for
 * places, and a salience.
 */
import { toTraditionalConverter } from '../normalise/opencc.js';
import type { Doc, Entity, EntityPlace, EntityType, NormMention } from '../doc.js';
import { isNameType } from '../entity-types.js';
import { isAlias } from './aliases.js';
import { findRoles } from './roles.js';
import { creditParagraphs, findBylines } from './bylines.js';
import { salience } from './salience.js';
import { placeForms } from '../lang/zh/gazetteer.js';

export type { Entity, EntityPlace, EntityRole } from '../doc.js';


/**
 * The cleaned surface of a norm span, in the caller's characters: each
 * normalised character that came from exactly one original character is shown
 * as that character (so traditional stays traditional); characters produced
 * by a repair (mojibake) are shown as recovered, in the article's script.
 */
export function cleanSurface(doc: Doc, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const o = doc.norm.toOriginal(i, i + 1);
    const orig = doc.text.slice(o.start, o.end);
    const one = orig.length === 1 || (orig.length === 2 && orig.codePointAt(0)! > 0xffff);
    // a repaired character is in simplified script: write it in the article's script
    out += one ? orig : doc.script === 'traditional' ? toTraditionalChar(doc.norm.text[i]) : doc.norm.text[i];
  }
  return out;
}

/** One simplified character in traditional script (OpenCC, character level). */
function toTraditionalChar(c: string): string {
  const t = toTraditionalConverter()(c);
  return t.length === c.length ? t : c;
}

interface Group {
  type: EntityType;
  key: string;
  mentions: NormMention[];
  parent: Group | null;
}

const root = (g: Group): Group => (g.parent ? root(g.parent) : g);

/** A place code when the name has exactly one reading (ambiguous names stay unresolved). */
export function resolvePlace(name: string): EntityPlace | undefined {
  const forms = placeForms(name);
  if (!forms.length) return undefined;
  const full = forms.filter((f) => f.full);
  const pool = full.length ? full : forms.filter((f) => !f.commonWord);
  const codes = new Set(pool.map((f) => f.place.code));
  if (codes.size !== 1) return undefined;
  const p = pool[0].place;
  return { code: p.code, level: p.level, name: p.name, parents: p.parents };
}

/** The `link` component: groups `doc.mentions` into `doc.entities` and links each mention (id, entity, paragraph). */
export function linkEntities(doc: Doc): void {
  const text = doc.norm.text;
  const groups = new Map<string, Group>();
  for (const m of doc.mentions) {
    const key = m.value ? JSON.stringify(m.value) : text.slice(m.start, m.end).replace(/\s+/g, '');
    const id = `${m.type}\u0000${key}`;
    const g = groups.get(id) ?? { type: m.type, key, mentions: [], parent: null };
    g.mentions.push(m);
    groups.set(id, g);
  }

  // Merge aliases: each shorter name joins the one longer name it abbreviates (ambiguous: no merge).
  const names = [...groups.values()].filter((g) => isNameType(g.type)).sort((a, b) => b.key.length - a.key.length);
  // candidates share the first character (abbreviations keep the first two, surname + title the surname)
  const byFirst = new Map<string, Group[]>();
  for (const g of names) {
    const list = byFirst.get(g.key[0]);
    if (list) list.push(g);
    else byFirst.set(g.key[0], [g]);
  }
  for (const short of names) {
    const candidates = byFirst.get(short.key[0]) ?? [];
    const targets = new Set(candidates.filter((long) => isAlias(short.key, short.type, long.key, long.type)).map(root));
    targets.delete(root(short));
    if (targets.size === 1) root(short).parent = [...targets][0];
  }
  // Two names of one administrative division (株洲 / 株洲市) are one place.
  const byCode = new Map<string, Group>();
  for (const g of names) {
    if (g.type !== 'LOCATION') continue;
    const place = resolvePlace(g.key);
    if (!place) continue;
    const other = byCode.get(place.code);
    if (other && root(other) !== root(g)) root(g).parent = root(other);
    else if (!other) byCode.set(place.code, g);
  }

  const clusters = new Map<Group, NormMention[]>();
  for (const g of groups.values()) {
    const r = root(g);
    const list = clusters.get(r);
    if (list) list.push(...g.mentions);
    else clusters.set(r, [...g.mentions]);
  }

  const contentParagraphs = doc.paragraphs.filter((p) => !p.boilerplate);
  const rank = new Map(contentParagraphs.map((p, i) => [p.index, i]));
  const title = doc.title ?? '';
  // people named only in bylines and credit lines: the credit as role, salience 0 (never a tag suggestion)
  const credits = findBylines(doc);
  const creditLines = creditParagraphs(doc, credits);
  const entities: Entity[] = [];
  const bylineOnly = new Map<Entity, string>();
  const entityOf = new Map<NormMention, Entity>();
  const firstStart = new Map<Entity, number>();
  for (const [, ms] of clusters) {
    ms.sort((a, b) => a.start - b.start);
    // the fullest clean name the recognisers found (short forms and surname + title never name an entity)
    const clean = ms.filter((m) => !text.slice(m.start, m.end).includes('\uFFFD') && m.source !== 'short-form');
    const canonical = [...(clean.length ? clean : ms)].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)[0];
    const name = cleanSurface(doc, canonical.start, canonical.end);
    const nameSimplified = text.slice(canonical.start, canonical.end);
    const surfaces = [...new Set(ms.map((m) => cleanSurface(doc, m.start, m.end)))].filter((s) => s !== name);
    const paragraphs = [...new Set(ms.map((m) => doc.paragraphAt(m.start)))];
    const e: Entity = {
      id: '',
      type: canonical.type,
      name,
      name_simplified: nameSimplified,
      aliases: surfaces,
      mentions: [],
      paragraphs,
      ...(canonical.value ? { value: canonical.value } : {}),
      salience: salience({
        mentionCount: ms.length,
        paragraphRanks: paragraphs.map((p) => rank.get(p)).filter((r): r is number => r !== undefined),
        contentParagraphs: contentParagraphs.length,
        inTitle: isNameType(canonical.type) && [nameSimplified, name, ...surfaces].some((s) => s.length > 1 && title.includes(s)),
        ...(isNameType(canonical.type) ? { name: nameSimplified } : {}),
        // a person named only in credits, or anything named only in credit lines (`湘北晨报记者 …`)
        bylineOnly: (canonical.type === 'PERSON' && ms.every((m) => credits.has(m))) || (isNameType(canonical.type) && ms.every((m) => creditLines.has(doc.paragraphAt(m.start)))),
      }),
      confidence: Math.round((ms.reduce((a, m) => a + m.score, 0) / ms.length) * 1000) / 1000,
    };
    if (e.type === 'LOCATION') {
      const place = resolvePlace(nameSimplified) ?? ms.map((m) => resolvePlace(text.slice(m.start, m.end))).find(Boolean);
      if (place) e.place = place;
    }
    if (e.type === 'PERSON' && ms.every((m) => credits.has(m))) bylineOnly.set(e, credits.get(ms[0])!.title);
    entities.push(e);
    firstStart.set(e, ms[0].start);
    for (const m of ms) entityOf.set(m, e);
  }

  const roles = findRoles(doc);
  // ids in order of first mention; mentions in text order
  entities.sort((a, b) => firstStart.get(a)! - firstStart.get(b)!);
  entities.forEach((e, i) => (e.id = `e${i + 1}`));
  doc.mentions.sort((a, b) => a.start - b.start);
  doc.mentions.forEach((m, i) => {
    const e = entityOf.get(m)!;
    const id = `m${i + 1}`;
    e.mentions.push(id);
    m.link = { id, entity: e.id, paragraph: doc.paragraphAt(m.start) };
  });

  for (const r of roles) {
    const person = entityOf.get(r.person);
    if (!person || person.role) continue;
    const org = r.org ? entityOf.get(r.org) ?? null : null;
    const title = cleanSurface(doc, r.titleStart, r.titleStart + r.title.length);
    person.role = { title, org: org?.id ?? null, org_name: org?.name ?? null };
  }
  for (const [e, title] of bylineOnly) e.role ??= { title, org: null, org_name: null };
  doc.entities = entities;
}
