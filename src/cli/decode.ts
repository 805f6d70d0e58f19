/**
 * Text and HTML files in whatever encoding they were saved: a byte-order
 * mark, else the page's own `<meta charset>` (HTML), else strict UTF-8, else
 * the charset detector's best Chinese (or other) guess, decoded with
 * iconv-lite. A result that is mostly replacement characters is refused
 * rather than extracted as garbage.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** the encoding used (`utf-8`, `gb18030`, `big5`, …) */
  encoding: string;
  /** how it was chosen */
  by: 'bom' | 'meta' | 'utf-8' | 'detected';
}

export class UndecodableFile extends Error {
  readonly code = 'undecodable_text';
}

const META = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** Encodings that labels say but whose superset decodes more: GB2312/GBK → GB18030. */
const SUPERSET: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', big5: 'big5-hkscs' };
const normalise = (label: string) => SUPERSET[label.toLowerCase()] ?? label.toLowerCase();

/** Share of replacement characters among the non-space characters above which a decoded file is garbage. */
export const MAX_REPLACEMENT_SHARE = 0.1;

export function decodeFile(bytes: Uint8Array, opts: { html?: boolean } = {}): Decoded {
  const decoded = choose(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), opts.html ?? false);
  const visible = decoded.text.replace(/\s+/g, '');
  const bad = visible.length ? (visible.match(/\uFFFD/g)?.length ?? 0) / visible.length : 0;
  if (bad > MAX_REPLACEMENT_SHARE) {
    throw new UndecodableFile(`the file could not be decoded (${decoded.encoding}: ${Math.round(bad * 100)} % replacement characters)`);
  }
  return decoded;
}

function choose(buf: Buffer, html: boolean): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', by: 'bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', by: 'bom' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', by: 'bom' };
  if (html) {
    const label = META.exec(buf.subarray(0, 4096).toString('latin1'))?.[1];
    const enc = label && normalise(label);
    if (enc && enc !== 'utf-8' && enc !== 'utf8' && iconv.encodingExists(enc)) return { text: iconv.decode(buf, enc), encoding: enc, by: 'meta' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', by: 'utf-8' };
  } catch {
    // not UTF-8: ask the detector
  }
  for (const guess of chardet.analyse(buf)) {
    const enc = normalise(guess.name);
    if (iconv.encodingExists(enc)) return { text: iconv.decode(buf, enc), encoding: enc, by: 'detected' };
  }
  return { text: buf.toString('utf8'), encoding: 'utf-8', by: 'utf-8' };
}
