/**
 * Salience in [0, 1]: how central an entity is to the article.
 *   salience = 0.4·frequency + 0.25·spread + 0.2·lead + 0.15·title
 * - frequency = 1 − exp(−mentions / 3)   (1 mention ≈ 0.28, 3 ≈ 0.63, 6 ≈ 0.86)
 * - spread    = content paragraphs with a mention / all content paragraphs (capped at 1, ×2 so that half the article counts fully)
 * - lead      = 1 if mentioned in the first two content paragraphs, decaying 0.85 per paragraph after
 * - title     = 1 if the name (or an alias) appears in the title
 * Salience is 0 for what no editor would tag (tag suggestions with
 * `min_salience > 0` skip it): a person named only in bylines and credit
 * lines (`记者 李永亮`), a one-character name (`欧`, `美` in a list), a name
 * with no letter in it, and a bare generic word (`公司`, `新区`).
 */
import { GENERIC_REFERENCES } from '../lang/zh/words.js';
export interface SalienceInput {
  mentionCount: number;
  /** content paragraph ranks (0 = first content paragraph) where it is mentioned */
  paragraphRanks: number[];
  contentParagraphs: number;
  inTitle: boolean;
  /** the entity's canonical name, simplified (names only) */
  name?: string;
  /** a person named only in bylines and credit lines */
  bylineOnly?: boolean;
}

/** Whether an editor could want `name` as a tag: more than one character, with letters, not a bare generic word. */
export function taggable(name: string): boolean {
  const n = name.replace(/\s+/g, '');
  return [...n].length > 1 && /[\p{L}]{2}/u.test(n) && !GENERIC_REFERENCES.has(n);
}

export function salience(x: SalienceInput): number {
  if (x.bylineOnly || (x.name !== undefined && !taggable(x.name))) return 0;
  const frequency = 1 - Math.exp(-x.mentionCount / 3);
  const spread = x.contentParagraphs ? Math.min(1, (2 * new Set(x.paragraphRanks).size) / x.contentParagraphs) : 0;
  const first = x.paragraphRanks.length ? Math.min(...x.paragraphRanks) : Infinity;
  const lead = first <= 1 ? 1 : Math.pow(0.85, first - 1);
  const s = 0.4 * frequency + 0.25 * spread + 0.2 * (Number.isFinite(lead) ? lead : 0) + 0.15 * (x.inTitle ? 1 : 0);
  return Math.round(Math.min(1, s) * 1000) / 1000;
}
