/**
 * Read a JSON request body safely: enforce the size limit while streaming
 * (413), require a JSON media type (415), strict UTF-8 (415 for other
 * encodings), well-formed JSON (400).
 */
import type { Context } from 'hono';
import { ServiceError } from '../contract/errors.js';

export async function readJsonBody(c: Context, maxBytes: number): Promise<unknown> {
  return parseJson(await readJsonText(c, maxBytes));
}

/** The checks of `readJsonBody` but the last: the body's text, not yet parsed. */
export async function readJsonText(c: Context, maxBytes: number): Promise<string> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(json|[\w.+-]+\+json)\b/i.test(type)) {
    throw new ServiceError('unsupported_media', 'unsupported_media_type', 'send the article as JSON with Content-Type: application/json');
  }
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(type)?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new ServiceError('unsupported_media', 'unsupported_encoding', `charset ${charset} is not supported: send UTF-8`);
  }
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = await readLimited(c.req.raw, maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ServiceError('unsupported_media', 'unsupported_encoding', 'the body is not valid UTF-8: send UTF-8 encoded JSON');
  }
  if (text.trim() === '') throw new ServiceError('bad_request', 'empty_body', 'the request body is empty');
  return text;
}

/** Well-formed JSON or 400. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ServiceError('bad_request', 'malformed_json', `the body is not valid JSON: ${(e as Error).message}`);
  }
}

function tooLarge(maxBytes: number) {
  return new ServiceError('too_large', 'payload_too_large', `the body is larger than ${maxBytes} bytes`);
}

async function readLimited(req: Request, maxBytes: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let off = 0;
  for (const ch of chunks) {
    out.set(ch, off);
    off += ch.byteLength;
  }
  return out;
}
