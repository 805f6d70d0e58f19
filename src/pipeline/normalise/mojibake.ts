/**
 * Detection and repair of GBK/UTF-8 mojibake in scraped text.
 *
 * Two kinds of damage are handled, both by re-encoding characters as GBK
 * (iconv-lite) and decoding the bytes another way:
 *
 * 1. UTF-8 bytes decoded as GBK (`銆傗€濈櫨` for `。”百`): a run of GBK
 *    characters whose bytes form valid UTF-8 decoding to plausible text is
 *    replaced by that text. When the run's last UTF-8 character was cut off
 *    by a lost byte (shown as `?` or U+FFFD), the cut-off part is `garbled`.
 * 2. GBK text misaligned by one lost byte (`?!卑倜χ校瑲W` for `。”百忙中，歐`):
 *    after a `?`/U+FFFD, the following characters' bytes are re-paired with
 *    a guessed lost lead byte until the pairing falls back into step (at a
 *    single-byte character); the most plausible decoding replaces the run.
 *    Full-width punctuation already folded to ASCII (`！` → `!`) is unfolded
 *    for this.
 *
 * A repair is only made when the decoded text is clearly more plausible
 * than what is there (character frequencies from jieba's dictionary, see
 * charfreq.ts): false repairs are worse than misses.
 */
import iconv from 'iconv-lite';
import type { Edit, Span } from '../mapped-text.js';
import { charScore, meanScore, minScore } from './charfreq.js';

/** Lowest score any decoded character may have (a fairly rare character). */
const MIN_CHAR = 2.5;
/** How much better (mean character score) a repair must read than the damage. */
const MARGIN = 1.0;
/** Longest run (in characters) examined after a lost-byte marker. */
const MAX_SHIFTED = 48;

const LOST = new Set(['?', '\uFFFD']);

const gbkCache = new Map<string, number[] | null>();
/** GBK bytes of one character, or null when GBK cannot encode it. */
function gbk(c: string): number[] | null {
  let r = gbkCache.get(c);
  if (r === undefined) {
    const b = iconv.encode(c, 'gbk');
    r = b.length === 1 && b[0] === 0x3f && c !== '?' ? null : [...b];
    gbkCache.set(c, r);
  }
  return r;
}

const pairCache = new Map<number, string | null>();
/** The character GBK byte pair (a, b) decodes to, or null for none / private use. */
function gbkPair(a: number, b: number): string | null {
  const key = (a << 8) | b;
  let c = pairCache.get(key);
  if (c === undefined) {
    const s = iconv.decode(Buffer.from([a, b]), 'gbk');
    c = s.length === 1 && s !== '\uFFFD' && !(s >= '\uE000' && s <= '\uF8FF') ? s : null;
    pairCache.set(key, c);
  }
  return c;
}

/** Is a decoded repair plausible enough, compared with the damaged text it replaces? */
function plausible(decoded: string, damaged: string): boolean {
  const cps = [...decoded];
  if (cps.length < 2 || !cps.some((c) => /\p{Script=Han}/u.test(c))) return false;
  // decoded text is Han, punctuation and ASCII only, with few rare characters
  if (minScore(decoded) < 0) return false;
  const rare = cps.filter((c) => charScore(c) < MIN_CHAR).length;
  if (rare > 0 && (cps.length < 4 || rare * 4 > cps.length)) return false;
  return meanScore(decoded) >= meanScore(damaged) + MARGIN;
}

/** Repairs and unrecoverable (garbled) spans, in the coordinates of the given text. */
export interface MojibakeResult {
  edits: Edit[];
  garbled: Span[];
}

/** Find and repair mojibake runs in `text`. */
export function repairMojibake(text: string): MojibakeResult {
  const edits: Edit[] = [];
  const garbled: Span[] = [];
  const taken = (s: number, e: number) =>
    edits.some((x) => x.start < e && s < x.end) || garbled.some((x) => x.start < e && s < x.end);
  for (const r of shiftedRuns(text)) {
    if (!taken(r.start, r.end)) edits.push(r);
  }
  utf8AsGbk(text, (e) => !taken(e.start, e.end) && edits.push(e), (g) => !taken(g.start, g.end) && garbled.push(g));
  for (const g of lostRuns(text)) if (!taken(g.start, g.end)) garbled.push(g);
  edits.sort((a, b) => a.start - b.start);
  garbled.sort((a, b) => a.start - b.start);
  return { edits, garbled };
}

/** Decode one UTF-8 character at `pos`: its text and length, 'cut' when the bytes end inside it, or null. */
function utf8At(b: number[], pos: number): { ch: string; len: number } | 'cut' | null {
  const lead = b[pos];
  let len: number;
  if (lead < 0x80) return { ch: String.fromCharCode(lead), len: 1 };
  else if (lead >= 0xc2 && lead <= 0xdf) len = 2;
  else if (lead >= 0xe0 && lead <= 0xef) len = 3;
  else if (lead >= 0xf0 && lead <= 0xf4) len = 4;
  else return null;
  for (let k = 1; k < len; k++) {
    if (pos + k >= b.length) return 'cut';
    if ((b[pos + k] & 0xc0) !== 0x80) return null;
  }
  const s = Buffer.from(b.slice(pos, pos + len)).toString('utf8');
  if (s.includes('\uFFFD')) return null;
  return { ch: s, len };
}

/**
 * Kind 1: UTF-8 read as GBK. Scans runs of double-byte GBK characters; from
 * each start, decodes UTF-8 as far as it goes and keeps the longest prefix
 * that ends on a character boundary of the damaged text.
 */
function utf8AsGbk(text: string, addEdit: (e: Edit) => void, addGarbled: (s: Span) => void): void {
  const chars = [...text];
  // UTF-16 offset of each code point
  const at: number[] = [];
  let off = 0;
  for (const c of chars) {
    at.push(off);
    off += c.length;
  }
  at.push(off);
  let i = 0;
  while (i < chars.length) {
    // collect a run [i, j) of characters with two-byte GBK codes
    const bytes: number[] = [];
    const byteAt: number[] = [];
    const charOfByte: number[] = []; // code-point index (in `chars`) each byte came from
    let j = i;
    while (j < chars.length) {
      const g = chars[j].charCodeAt(0) >= 0x80 ? gbk(chars[j]) : null;
      // two-byte codes, and € which cp936 writes as the single byte 0x80
      if (!g || !(g.length === 2 || g[0] === 0x80)) break;
      byteAt.push(bytes.length);
      bytes.push(...g);
      for (const _ of g) charOfByte.push(j);
      j++;
    }
    if (j - i < 2) {
      i = Math.max(j, i + 1);
      continue;
    }
    byteAt.push(bytes.length);
    const boundary = new Map(byteAt.map((b, k) => [b, k]));
    let k = 0;
    while (k < j - i - 1) {
      let pos = byteAt[k];
      let out = '';
      const origins: Span[] = [];
      let sync: { m: number; out: string; origins: Span[] } | null = null;
      let cut = false;
      for (;;) {
        if (pos >= bytes.length) break;
        const u = utf8At(bytes, pos);
        if (u === 'cut') cut = true;
        if (!u || u === 'cut') break;
        out += u.ch;
        // each recovered character maps to the damaged characters holding its bytes
        const origin = { start: at[charOfByte[pos]], end: at[charOfByte[pos + u.len - 1] + 1] };
        for (let n = 0; n < u.ch.length; n++) origins.push(origin);
        pos += u.len;
        const m = boundary.get(pos);
        if (m !== undefined) sync = { m, out, origins: [...origins] };
      }
      if (sync) {
        const s = at[i + k];
        const e = at[i + sync.m];
        if (plausible(sync.out, text.slice(s, e))) {
          addEdit({ start: s, end: e, text: sync.out, origins: sync.origins });
          // the last character lost a byte: its remains and the marker are garbled
          if (cut && j < chars.length && LOST.has(chars[j])) {
            addGarbled({ start: e, end: at[j + 1] });
          }
          k = sync.m;
          continue;
        }
      }
      k++;
    }
    i = j;
  }
}

/**
 * GBK bytes of a character inside a misaligned run (null ends the run).
 * ASCII punctuation is taken as the full-width form a scraper folded it
 * from (`!` for `！`): ASCII bytes below 0x40 can never be GBK trail bytes.
 */
function shiftedBytes(c: string): number[] | null {
  const code = c.charCodeAt(0);
  if (code >= 0x21 && code <= 0x2f) return gbk(String.fromCharCode(code + 0xfee0));
  if (code >= 0x3a && code <= 0x3f) return gbk(String.fromCharCode(code + 0xfee0));
  if (c === '\n' || c === '\r') return null;
  return gbk(c);
}

/**
 * Kind 2: GBK misaligned by one lost byte after a `?`/U+FFFD marker. Returns
 * repairs replacing marker and run by the best re-paired decoding.
 */
function shiftedRuns(text: string): Edit[] {
  const out: Edit[] = [];
  for (let p = 0; p < text.length; p++) {
    if (!LOST.has(text[p])) continue;
    // bytes of the following characters, with each character's end offset
    const bytes: number[] = [];
    const ends = new Map<number, number>(); // byte offset -> UTF-16 end offset
    const spanOfByte: Span[] = []; // the damaged character each byte came from
    let q = p + 1;
    for (let n = 0; n < MAX_SHIFTED && q < text.length; n++) {
      const c = String.fromCodePoint(text.codePointAt(q)!);
      const g = shiftedBytes(c);
      if (!g) break;
      bytes.push(...g);
      for (const _ of g) spanOfByte.push({ start: q, end: q + c.length });
      q += c.length;
      ends.set(bytes.length, q);
    }
    if (bytes.length < 3 || bytes[0] < 0x40) continue;
    // The lost byte only changes the first character (lost byte + bytes[0]);
    // from bytes[1] on, the re-pairing is the same whatever it was.
    const rest = repairTail(bytes, ends);
    if (!rest) continue;
    let first: string | null = null;
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      const c = gbkPair(lead, bytes[0]);
      if (c && (first === null || charScore(c) > charScore(first))) first = c;
    }
    if (first === null) continue;
    // the first character is the lost byte (at the marker) plus bytes[0]; the rest map to the characters holding their bytes
    const origins: Span[] = [{ start: p, end: spanOfByte[0].end }];
    for (const [a, b] of rest.bytes) origins.push({ start: spanOfByte[a].start, end: spanOfByte[b - 1].end });
    const best: Edit = { start: p, end: rest.end, text: first + rest.text, origins: originsFor(first + rest.text, origins) };
    // a true re-pairing ends by swallowing an ASCII character, so the repair holds no ASCII;
    // being a guess, it must also hold no rare character; the marker itself is not held
    // against the damaged text
    if (
      !/[\x00-\x7f]/.test(best.text) &&
      minScore(best.text) >= MIN_CHAR &&
      plausible(best.text, text.slice(p + 1, best.end))
    ) {
      out.push(best);
      p = best.end - 1;
    }
  }
  return out;
}

/**
 * Decode GBK `b` from its second byte (the first pairs with the lost byte)
 * until the pairing falls into step with the damaged characters, whose end
 * offsets `ends` gives by byte offset.
 */
function repairTail(b: number[], ends: Map<number, number>): { text: string; end: number; bytes: [number, number][] } | null {
  let s = '';
  let i = 1;
  const bytes: [number, number][] = []; // byte range of each decoded character
  while (i < b.length) {
    if (b[i] < 0x80) {
      s += String.fromCharCode(b[i]);
      bytes.push([i, i + 1]);
      i += 1;
    } else {
      if (i + 1 >= b.length) return null;
      const c = gbkPair(b[i], b[i + 1]);
      if (!c) return null;
      s += c;
      bytes.push([i, i + 2]);
      i += 2;
    }
    const end = ends.get(i);
    if (end !== undefined) return { text: s, end, bytes };
  }
  return null;
}

/** One origin per UTF-16 unit of `text`, from one origin per code point. */
function originsFor(text: string, perCodePoint: Span[]): Span[] {
  const out: Span[] = [];
  let k = 0;
  for (const ch of text) {
    const o = perCodePoint[Math.min(k++, perCodePoint.length - 1)];
    for (let n = 0; n < ch.length; n++) out.push(o);
  }
  return out;
}

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ';
/** Remains of a pinyin annotation whose character and `(` were lost: `jī)`. */
const PINYIN_REMNANT = new RegExp(`^[a-zü${TONED}]{0,5}[${TONED}][a-zü]{0,3}[)）]`, 'u');
/** A character no real text would have here: a very rare Han character or a stray symbol. */
function junk(c: string): boolean {
  if (/\p{Script=Han}/u.test(c)) return charScore(c) < 2;
  if (/[\uE000-\uF8FF\uFFFD]/.test(c)) return true;
  return charScore(c) < 0 && !/[\s\p{P}\p{S}]/u.test(c);
}

/**
 * Unrecoverable damage around a lost-byte marker that no repair explained:
 * the marker with a following pinyin remnant (`?jī)`) and/or a run of at
 * least three junk characters (`?zhí)崾緛砹?`), plus a marker closing the run.
 */
function lostRuns(text: string): Span[] {
  const out: Span[] = [];
  for (let p = 0; p < text.length; p++) {
    if (!LOST.has(text[p])) continue;
    let e = p + 1;
    const rem = PINYIN_REMNANT.exec(text.slice(e, e + 12));
    if (rem) e += rem[0].length;
    let n = 0;
    while (e < text.length) {
      const c = String.fromCodePoint(text.codePointAt(e)!);
      if (!junk(c)) break;
      e += c.length;
      n++;
    }
    if (!rem && n < 3) continue;
    if (n > 0 && e < text.length && LOST.has(text[e])) e++;
    out.push({ start: p, end: e });
    p = e - 1;
  }
  return out;
}

