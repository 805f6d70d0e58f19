/**
 * Group mentions into entities: for now one entity per (type, normalised
 * name) — the simplified, cleaned form for names, the normalised value for
 * amounts and dates. Assigns mention and entity ids.
 */
import type { Doc, EntityType, MentionValue, NormMention } from '../doc.js';

export interface LinkedMention extends NormMention {
  id: string;
  entity: string;
  paragraph: number;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** the cleaned surface form in the caller's script (pinyin and mojibake removed) */
  name: string;
  /** normalised key: simplified text, or the value for amounts and dates */
  key: string;
  mentions: string[];
  paragraphs: number[];
  value?: MentionValue;
}

function entityKey(doc: Doc, m: NormMention): string {
  if (m.value) return JSON.stringify(m.value);
  return doc.norm.text.slice(m.start, m.end).replace(/\s+/g, '');
}

/**
 * The cleaned surface of a norm span, in the caller's characters: each
 * normalised character that came from exactly one original character is shown
 * as that character (so traditional stays traditional); characters produced
 * by a repair (mojibake) are shown as normalised.
 */
export function cleanSurface(doc: Doc, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const o = doc.norm.toOriginal(i, i + 1);
    const orig = doc.text.slice(o.start, o.end);
    const one = orig.length === 1 || (orig.length === 2 && orig.codePointAt(0)! > 0xffff);
    out += one ? orig : doc.norm.text[i];
  }
  return out;
}

export function linkEntities(doc: Doc): Entity[] {
  const byKey = new Map<string, Entity>();
  const entities: Entity[] = [];
  const linked: LinkedMention[] = [];
  doc.mentions.forEach((m, i) => {
    const id = `m${i + 1}`;
    const key = `${m.type}\u0000${entityKey(doc, m)}`;
    let e = byKey.get(key);
    if (!e) {
      e = {
        id: `e${entities.length + 1}`,
        type: m.type,
        name: cleanSurface(doc, m.start, m.end),
        key: key.split('\u0000')[1],
        mentions: [],
        paragraphs: [],
        value: m.value,
      };
      byKey.set(key, e);
      entities.push(e);
    }
    const paragraph = doc.paragraphAt(m.start);
    e.mentions.push(id);
    if (!e.paragraphs.includes(paragraph)) e.paragraphs.push(paragraph);
    linked.push({ ...m, id, entity: e.id, paragraph });
  });
  doc.mentions = linked;
  return entities;
}
