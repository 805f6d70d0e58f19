/**
 * Offsets for every language (`?encoding=UTF16|UTF32|UTF8`): the helper
 * against the definitions, and the routes checked from Python — the service
 * in-process, astral text (𠮷, emoji) before the names, and a python3
 * subprocess slicing `text[start:end]` (UTF32) and
 * `text.encode()[start:end].decode()` (UTF8).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lengthIn, offsetMap } from '../../src/contract/offsets.js';
import { presentResult, withKind } from '../../src/server/present.js';
import { testApp } from '../helpers/app.js';
import { hasPython, pythonCheck } from '../helpers/python-offsets.js';

const utf32 = (s: string) => Array.from(s).length;
const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');

describe('offsetMap', () => {
  it('UTF16 is the identity; ASCII and BMP texts are the identity where the units agree', () => {
    expect(offsetMap('株洲', 'UTF16')(2)).toBe(2);
    expect(offsetMap('abc', 'UTF8')(2)).toBe(2);
    expect(offsetMap('株洲', 'UTF32')(2)).toBe(2);
    expect(offsetMap('株洲', 'UTF8')(2)).toBe(6);
  });

  it('counts an astral character as one code point and four bytes', () => {
    const text = '𠮷😀刘海宾';
    const m32 = offsetMap(text, 'UTF32');
    const m8 = offsetMap(text, 'UTF8');
    expect([m32(0), m32(2), m32(4), m32(7)]).toEqual([0, 1, 2, 5]);
    expect([m8(0), m8(2), m8(4), m8(7)]).toEqual([0, 4, 8, 17]);
    expect(lengthIn(text, 'UTF32')).toBe(5);
    expect(lengthIn(text, 'UTF8')).toBe(17);
  });

  it('maps an index inside a surrogate pair to the pair start, clamps indices outside the text, counts a lone surrogate as U+FFFD', () => {
    expect(offsetMap('a😀b', 'UTF32')(2)).toBe(1);
    expect(offsetMap('a😀b', 'UTF8')(2)).toBe(1);
    expect(offsetMap('a😀b', 'UTF8')(99)).toBe(6);
    expect(offsetMap('a😀b', 'UTF8')(-3)).toBe(0);
    expect(lengthIn('a\ud800b', 'UTF8')).toBe(5);
  });

  it('agrees with the definitions on every prefix (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'é', '株', '𠮷', '😀', '\n', '％') }), (text) => {
        const m32 = offsetMap(text, 'UTF32');
        const m8 = offsetMap(text, 'UTF8');
        for (let i = 0; i <= text.length; i++) {
          const prev = text.charCodeAt(i - 1);
          if (i > 0 && i < text.length && prev >= 0xd800 && prev <= 0xdbff) continue; // inside a pair
          expect(m32(i)).toBe(utf32(text.slice(0, i)));
          expect(m8(i)).toBe(utf8(text.slice(0, i)));
        }
      }),
    );
  });
});

describe('presentResult', () => {
  const result = {
    title: null,
    text: '😀刘海宾说8000万元',
    script: 'simplified' as const,
    published: null,
    region: { code: 'CN' as const, source: 'default' as const, reason: '' },
    paragraphs: [{ index: 0, start: 0, end: 12, text: '😀刘海宾说8000万元', boilerplate: false }],
    mentions: [
      { id: 'm1', entity: 'e1', type: 'PERSON' as const, text: '刘海宾', start: 2, end: 5, paragraph: 0, score: 1 },
      { id: 'm2', entity: 'e2', type: 'MONEY' as const, text: '8000万元', start: 6, end: 12, paragraph: 0, score: 1, value: { amount: 80_000_000, currency: 'CNY' } },
    ],
    entities: [
      { id: 'e2', type: 'MONEY' as const, name: '8000万元', name_simplified: '8000万元', aliases: [], mentions: ['m2'], paragraphs: [0], value: { amount: 80_000_000, currency: 'CNY' }, salience: 1, confidence: 1 },
    ],
    tokens: [{ text: '刘海宾', start: 2, end: 5, pos: 'nr' }],
    meta: { engine: 'lexicon', model: 'x', version: '0', timings_ms: {} },
  };
  it('converts mentions, paragraphs and tokens, states the unit and adds each value its kind', () => {
    const out = presentResult(result, 'UTF8');
    expect(out.mentions.map((m) => [m.start, m.end])).toEqual([[4, 13], [16, 26]]);
    expect(out.paragraphs[0]).toMatchObject({ start: 0, end: 26 });
    expect(out.tokens![0]).toMatchObject({ start: 4, end: 13 });
    expect(out.meta.offsets).toBe('UTF8');
    expect(out.mentions[1].value).toEqual({ kind: 'MONEY', amount: 80_000_000, currency: 'CNY' });
    expect(out.entities[0].value).toEqual({ kind: 'MONEY', amount: 80_000_000, currency: 'CNY' });
    expect(presentResult(result, 'UTF16').mentions[0]).toMatchObject({ start: 2, end: 5 });
    expect(result.mentions[0].start).toBe(2); // the input is not changed
  });
  it('kind from the type, or from the shape for a value on another type', () => {
    expect(withKind('DATE', { start: '2023-01-01', end: '2023-12-31', grain: 'year' }).kind).toBe('DATE');
    expect(withKind('ORG', { value: 3, unit: '个' }).kind).toBe('QUANTITY');
    expect(withKind('ORG', { value: 3, unit: 'percentage_point' }).kind).toBe('PERCENT');
  });
});

// astral characters before the names: UTF-16, code points and bytes all differ
const TEXT = '𠮷😀株洲市发改委主任😀刘海宾介绍，去年6月投产后，预计今年产值过8000万元，同比增长22.8%。\n👍淳华氢能源科技(湖南)有限公司董事长谢曙说，将在株洲举行博览会。';
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(!hasPython)('offsets read from Python (python3)', () => {
  let post: Awaited<ReturnType<typeof testApp>>['post'];
  beforeAll(async () => {
    ({ post } = await testApp({ ENGINE: 'lexicon' }));
  });
  const spansOf = (r: Json) => [
    ...r.mentions.map((m: Json) => ({ start: m.start, end: m.end, text: m.text })),
    ...r.paragraphs.map((p: Json) => ({ start: p.start, end: p.end, text: p.text })),
    ...(r.tokens ?? []).map((t: Json) => ({ start: t.start, end: t.end, text: t.text })),
  ];

  for (const encoding of ['UTF32', 'UTF8'] as const) {
    it(`POST /v1/extract?encoding=${encoding}: every mention, paragraph and token slices to its text in Python`, async () => {
      const res = await post(`/v1/extract?encoding=${encoding}&tokens=1`, { text: TEXT, published: '2023-03-17' });
      expect(res.status).toBe(200);
      const r = (await res.json()) as Json;
      expect(r.meta.offsets).toBe(encoding);
      expect(r.mentions.map((m: Json) => m.text)).toEqual(expect.arrayContaining(['刘海宾', '谢曙', '8000万元']));
      const liu = r.mentions.find((m: Json) => m.text === '刘海宾');
      // 𠮷😀 + 株洲市发改委主任 + 😀 before 刘海宾
      expect(liu.start).toBe(encoding === 'UTF32' ? 11 : 4 + 4 + 8 * 3 + 4);
      const check = pythonCheck(encoding, [{ text: r.text, spans: spansOf(r) }]);
      expect(check.bad).toEqual([]);
      expect(check.checked).toBeGreaterThan(20);
      expect(r.mentions.find((m: Json) => m.type === 'MONEY')?.value).toMatchObject({ kind: 'MONEY', amount: 80_000_000 });
    });

    it(`POST /v1/tags?encoding=${encoding} and /v1/batch/extract?encoding=${encoding} slice in Python too`, async () => {
      const tags = (await (await post(`/v1/tags?encoding=${encoding}`, { text: TEXT })).json()) as Json;
      expect(tags.meta.offsets).toBe(encoding);
      const tagSpans = tags.tags.flatMap((t: Json) => t.mentions);
      expect(tagSpans.length).toBeGreaterThan(2);
      expect(pythonCheck(encoding, [{ text: TEXT, spans: tagSpans }]).bad).toEqual([]);

      const lines = [JSON.stringify({ id: 'a', text: TEXT }), JSON.stringify({ id: 'b', text: '🎉' + TEXT.slice(4) })].join('\n');
      const res = await post(`/v1/batch/extract?encoding=${encoding}`, lines, { 'content-type': 'application/x-ndjson' });
      const results = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as Json);
      expect(results.map((r) => r.meta.offsets)).toEqual([encoding, encoding]);
      expect(pythonCheck(encoding, results.map((r) => ({ text: r.text, spans: spansOf(r) }))).bad).toEqual([]);
    });
  }

  it('UTF16 is the default and says so; an unknown encoding is a 422', async () => {
    const r = (await (await post('/v1/extract', { text: TEXT })).json()) as Json;
    expect(r.meta.offsets).toBe('UTF16');
    for (const m of r.mentions) expect(r.text.slice(m.start, m.end)).toBe(m.text);
    expect((await post('/v1/extract?encoding=UTF7', { text: TEXT })).status).toBe(422);
  });
});
