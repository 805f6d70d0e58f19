/**
 * Streaming NDJSON: split a byte stream into lines without holding more than
 * one line (bounded by `maxLineBytes`) in memory, and run an async function
 * over the lines with a bounded window, yielding results in input order.
 * The consumer pulls: when it stops reading, nothing more is read or run.
 */

export type Line = { n: number; text: string } | { n: number; error: 'line_too_long' | 'invalid_utf8' };

/** Lines of a UTF-8 byte stream (1-based `n`); blank lines are skipped. */
export async function* ndjsonLines(stream: ReadableStream<Uint8Array>, maxLineBytes: number): AsyncGenerator<Line> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Uint8Array[] = [];
  let size = 0;
  let tooLong = false;
  let n = 0;
  const finish = (): Line | null => {
    n++;
    if (tooLong) return { n, error: 'line_too_long' };
    const bytes = new Uint8Array(size);
    let off = 0;
    for (const p of parts) {
      bytes.set(p, off);
      off += p.byteLength;
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { n, error: 'invalid_utf8' };
    }
    if (text.trim() === '') {
      n--;
      return null;
    }
    return { n, text };
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let start = 0;
      for (let i = 0; i < value.byteLength; i++) {
        if (value[i] !== 0x0a) continue;
        const piece = value.subarray(start, i);
        if (!tooLong) {
          size += piece.byteLength;
          if (size > maxLineBytes) tooLong = true;
          else parts.push(piece);
        }
        const line = finish();
        if (line) yield line;
        parts = [];
        size = 0;
        tooLong = false;
        start = i + 1;
      }
      const rest = value.subarray(start);
      if (!tooLong && rest.byteLength) {
        size += rest.byteLength;
        if (size > maxLineBytes) {
          tooLong = true;
          parts = [];
        } else parts.push(rest.slice());
      }
    }
    if (size > 0 || tooLong) {
      const line = finish();
      if (line) yield line;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Map with at most `window` calls in flight, results in input order. */
export async function* orderedMap<T, R>(items: AsyncIterable<T>, window: number, fn: (item: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  const it = items[Symbol.asyncIterator]();
  let exhausted = false;
  for (;;) {
    while (!exhausted && pending.length < window) {
      const next = await it.next();
      if (next.done) exhausted = true;
      else {
        const p = fn(next.value);
        p.catch(() => {}); // handled when its turn comes
        pending.push(p);
      }
    }
    if (!pending.length) return;
    yield await pending.shift()!;
  }
}

/** A byte stream of NDJSON from an async iterable of values, produced only as fast as it is read. */
export function ndjsonStream(values: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const it = values[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await it.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(JSON.stringify(next.value) + '\n'));
      },
      async cancel() {
        await it.return?.(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}
