/**
 * The user dictionary and deny list that editors' decisions feed (the editor
 * page, `/v1/dictionary`). Each pipeline owns one (`pipeline.dictionary`),
 * replaced whole by `set` (the extraction service sends every change to every
 * extraction thread).
 *
 * The component (after `resolve`, before `short-forms`):
 *  - drops mentions whose normalised text and type are denied;
 *  - gives a recognised mention of exactly an added name the added type;
 *  - adds exact matches of the `add` names (in the normalised, simplified
 *    text, so traditional or full-width spellings match too), longest first,
 *    replacing the shorter name mentions they contain (`龙子` inside an added
 *    `龙子怡`), never overlapping any other mention or a garbled span, outside
 *    boilerplate unless asked; offsets go through the norm map like every
 *    other mention's.
 */
import type { Doc, EntityType, NormMention } from '../doc.js';
import { ENTITY_TYPES, isNameType, jiebaPosOf } from '../entity-types.js';
import { Occupancy } from './resolve.js';
import { loadUserDictionary } from '../segment/jieba.js';
import type { Component } from '../component.js';

export interface DictEntry {
  name: string;
  type: string;
  action: 'add' | 'deny';
}

/** Score of a dictionary mention: an editor said so. */
const ADD_SCORE = 0.99;
const TYPES = new Set<string>(ENTITY_TYPES);

interface Compiled {
  deny: Set<string>;
  /** add names by first character, longest first */
  add: Map<string, { name: string; type: EntityType }[]>;
  size: number;
  /** added names with one type: name → type */
  typeOf: Map<string, EntityType>;
}

const EMPTY: Compiled = { deny: new Set(), add: new Map(), size: 0, typeOf: new Map() };
/** words this thread taught jieba (the threads share jieba's dictionary: each is sent the same entries, and a word taught twice stays as it was) */
const inserted = new Set<string>();

const key = (name: string, type: string) => `${type}\u0000${name}`;

export class UserDictionary implements Component {
  readonly name = 'dictionary';
  readonly requires = ['mentions', 'paragraphs'];
  readonly assigns = ['mentions'];
  private current: Compiled = EMPTY;

  get size(): number {
    return this.current.size;
  }

  /** Replace the dictionary. `jieba` (default true): also teach jieba the added names. */
  set(entries: readonly DictEntry[], opts: { jieba?: boolean } = {}): void {
    this.current = compile(entries, opts);
  }

  run(doc: Doc): void {
    applyDictionary(this.current, doc);
  }
}

function compile(entries: readonly DictEntry[], opts: { jieba?: boolean }): Compiled {
  const deny = new Set<string>();
  const add = new Map<string, { name: string; type: EntityType }[]>();
  const words: { word: string; pos: string }[] = [];
  for (const e of entries) {
    const name = e.name.normalize('NFKC').trim();
    if (!name || !TYPES.has(e.type)) continue;
    if (e.action === 'deny') deny.add(key(name, e.type));
    else {
      const list = add.get(name[0]) ?? [];
      list.push({ name, type: e.type as EntityType });
      add.set(name[0], list);
      if (!/\s/.test(name) && !inserted.has(name)) words.push({ word: name, pos: jiebaPosOf(e.type) });
    }
  }
  const typeOf = new Map<string, EntityType>();
  const ambiguous = new Set<string>();
  for (const list of add.values()) {
    list.sort((a, b) => b.name.length - a.name.length);
    for (const { name, type } of list) {
      if (typeOf.has(name) && typeOf.get(name) !== type) ambiguous.add(name);
      typeOf.set(name, type);
    }
  }
  for (const name of ambiguous) typeOf.delete(name);
  if (opts.jieba !== false && words.length) {
    try {
      loadUserDictionary(words);
      for (const w of words) inserted.add(w.word);
    } catch {
      // a word jieba refuses only loses the segmentation hint; the dictionary step still matches it
    }
  }
  return { deny, add, size: entries.length, typeOf };
}


function applyDictionary(dict: Compiled, doc: Doc): void {
  if (dict.size === 0) return;
  const text = doc.norm.text;
  if (dict.deny.size) {
    doc.mentions = doc.mentions.filter((m) => !dict.deny.has(key(text.slice(m.start, m.end), m.type)));
  }
  if (!dict.add.size) return;
  // a recognised mention of exactly an added name takes the editor's type (jieba, taught the word, may tag it otherwise)
  for (const m of doc.mentions) {
    const t = dict.typeOf.get(text.slice(m.start, m.end));
    if (t && t !== m.type && isNameType(m.type)) m.type = t;
  }
  // an added name replaces the shorter name mentions it contains (`龙子` → the editor's `龙子怡`); anything else blocks it
  const taken = new Occupancy(text.length, [...doc.mentions.filter((m) => !isNameType(m.type)), ...doc.garbled]);
  const owner: (NormMention | undefined)[] = new Array(text.length);
  for (const m of doc.mentions) if (isNameType(m.type)) for (let k = m.start; k < m.end; k++) owner[k] = m;
  const replaced = new Set<NormMention>();
  const added: NormMention[] = [];
  for (let i = 0; i < text.length; i++) {
    const list = dict.add.get(text[i]);
    if (!list) continue;
    for (const { name, type } of list) {
      if (!text.startsWith(name, i)) continue;
      const span = { start: i, end: i + name.length };
      if (dict.deny.has(key(name, type)) || !doc.inContent(i) || !taken.isFree(span)) continue;
      const inside = new Set<NormMention>();
      for (let k = span.start; k < span.end; k++) if (owner[k]) inside.add(owner[k]!);
      if ([...inside].some((m) => m.start < span.start || m.end > span.end || (m.start === span.start && m.end === span.end))) continue;
      taken.tryTake(span);
      for (const m of inside) replaced.add(m);
      added.push({ ...span, type, score: ADD_SCORE, source: 'dictionary' });
      i = span.end - 1;
      break;
    }
  }
  if (replaced.size) doc.mentions = doc.mentions.filter((m) => !replaced.has(m));
  if (added.length) doc.mentions = [...doc.mentions, ...added].sort((a, b) => a.start - b.start);
}
