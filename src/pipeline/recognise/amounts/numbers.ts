/**
 * Number parsing for amounts: Arabic numerals with Chinese magnitudes
 * (`8000万`, `1.2万亿`, `1,200万`) are decoded here exactly (decimal string
 * + power-of-ten exponent, so `227.6亿` is 22760000000, not 22760000000.000004);
 * anything with Chinese numerals (`八千万`, `两千零五十`, `七点五`, `3万5千`) goes to
 * Microsoft Recognizers-Text's Chinese number model, cached per string.
 */
import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';

/** Values whose magnitude exceeds this are dropped (not clamped): they are beyond
 * exact float integers and larger than any real-world amount (world GDP ≈ 1e15 CNY). */
export const MAX_ABS_VALUE = 1e18;

const MAGNITUDE: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 亿: 8, 兆: 12 };

/** `-8000` / `1,200.5` then optional `多|余`, then magnitudes, then optional `多|余`. */
const ARABIC = /^(-?)(\d+(?:,\d{3})*(?:\.\d+)?)([多余]?)([十百千万亿兆]*)([多余]?)$/;

let model: ReturnType<NumberRecognizer['getNumberModel']> | null = null;
const cache = new Map<string, number | null>();
const CACHE_MAX = 5000;

/** Parsed number: value and whether it carried 多/余 ("more than"). */
export interface ParsedNumber {
  value: number;
  approx: boolean;
}

/**
 * Decode a whole numeral string (`8000多万`, `八千万`, `42.1万余`). Returns null when
 * the string is not one number in full, or the value is not finite / too large.
 */
export function parseNumber(s: string): ParsedNumber | null {
  let value: number | null;
  let approx = false;
  const m = ARABIC.exec(s);
  if (m) {
    const exp = [...m[4]].reduce((e, c) => e + MAGNITUDE[c], 0);
    value = Number(`${m[1]}${m[2].replace(/,/g, '')}e${exp}`);
    approx = m[3] !== '' || m[5] !== '';
    if (m[3] && m[5]) return null; // 8000多万余
  } else {
    // 多/余 inside a Chinese numeral (八千多万, 五十余万): strip, remember approx.
    const core = s.replace(/(?<=.)[多余]/g, '');
    approx = core !== s;
    value = recognise(core);
  }
  if (value === null || !Number.isFinite(value) || Math.abs(value) > MAX_ABS_VALUE) return null;
  return { value, approx };
}

/** Recognizers-Text on the whole string; null unless one match covers all of it. */
export function recognise(s: string): number | null {
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  model ??= new NumberRecognizer(Culture.Chinese).getNumberModel();
  let value: number | null = null;
  try {
    const res = model.parse(s);
    // Recognizers' `end` is inclusive.
    if (res.length === 1 && res[0].start === 0 && res[0].end === s.length - 1) {
      const v = Number(res[0].resolution?.value);
      value = Number.isFinite(v) ? v : null;
    }
  } catch {
    value = null;
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(s, value);
  return value;
}
