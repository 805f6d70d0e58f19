import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import { loadUserDictionary, parseUserDictionary, segment } from '../../src/pipeline/segment/jieba.js';
import type { Token } from '../../src/pipeline/doc.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Tokens are ordered, non-overlapping, in bounds, and only whitespace is left out. */
function checkTokens(text: string, tokens: Token[]): void {
  let pos = 0;
  for (const t of tokens) {
    expect(t.start).toBeGreaterThanOrEqual(pos);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(pos, t.start)).toMatch(/^\s*$/);
    pos = t.end;
  }
  expect(text.slice(pos)).toMatch(/^\s*$/);
}

const show = (text: string) => segment(text).map((t) => `${text.slice(t.start, t.end)}/${t.pos}`);

describe('segment', () => {
  beforeAll(() => {
    // Before the first segment() call: takes part in jieba's one-time load.
    expect(loadUserDictionary([{ word: '淳华氢能源', freq: 1000, pos: 'nz' }])).toBe('load');
  });

  it('tags words with exact offsets', () => {
    expect(show('株洲市发改委主任刘海宾介绍')).toEqual(['株洲市/ns', '发改委/j', '主任/b', '刘海/nr', '宾/nr', '介绍/v']);
  });

  it('uses the user dictionary loaded at start, and insertWord afterwards', () => {
    expect(show('淳华氢能源科技')[0]).toBe('淳华氢能源/nz');
    expect(loadUserDictionary([{ word: '新马金谷', pos: 'ns' }])).toBe('insertWord');
    expect(show('株洲新马金谷工业园')).toContain('新马金谷/ns');
  });

  it('parses user dictionary lines', () => {
    expect(parseUserDictionary('# c\n云计算\n蓝翔 nz\n株洲所 5 nt\n')).toEqual([
      { word: '云计算', pos: undefined },
      { word: '蓝翔', pos: 'nz' },
      { word: '株洲所', freq: 5, pos: 'nt' },
    ]);
  });

  it('drops whitespace, re-tags punctuation (w) and digits (m)', () => {
    const text = 'a  b\n\n中国\r\n 2023年,(湖南)\t😀人民\u3000x';
    const tokens = segment(text);
    checkTokens(text, tokens);
    expect(show(text)).toEqual(['a/x', 'b/x', '中国/ns', '2023/m', '年/m', ',/w', '(/w', '湖南/ns', ')/w', '😀/w', '人民/n', 'x/x']);
  });

  it('keeps U+FFFD and lone surrogates as their own tokens', () => {
    const text = '中国\uFFFD\uFFFD人民\uD800x\uDC00';
    const tokens = segment(text);
    checkTokens(text, tokens);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['中国', '\uFFFD', '\uFFFD', '人民', '\uD800', 'x', '\uDC00']);
  });

  it('handles empty and long texts', () => {
    expect(segment('')).toEqual([]);
    const text = '株洲市贸促会牵头,一支由32家德国企业组成的代表团走进株洲。\n'.repeat(2000);
    const tokens = segment(text);
    checkTokens(text, tokens);
    expect(tokens.length).toBeGreaterThan(20000);
  });

  it('offsets are exact for arbitrary text (property)', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
    const bmp = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    const piece = fc.oneof(
      fc.constantFrom('株洲', '有限公司', '李玉龙', ' ', '\n', '\r\n', '\t', '\u3000', ',', '。', '(', ')', '😀', '\uFFFD', '2023', 'abc'),
      han,
      bmp,
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        checkTokens(text, segment(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("jieba's keyword table (never used here)", () => {
  // jieba's load reads a one-word keyword table written to a private temporary directory instead of its 6 MB
  // idf.utf8; where nothing can be written, its own table: either way the same segmentation
  const run = (env: NodeJS.ProcessEnv) => {
    const code = `const { segment } = await import(${JSON.stringify(new URL('../../src/pipeline/segment/jieba.ts', import.meta.url).href)});
      const text = '株洲市政府与中车株洲电力机车研究所签约，达产后年产值将超过100亿元。华为发布新款手机。';
      console.log(JSON.stringify(segment(text).map((t) => [t.start, t.end, t.pos])));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as unknown[];
  };

  it('is a one-word file in the private directory, and segments as with a read-only disk', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'idf-test-'));
    try {
      const written = run({ TMPDIR: tmp });
      const dir = join(tmp, `jieba-dicts-${process.getuid?.() ?? 'user'}`);
      const idf = readdirSync(dir).filter((f) => f.startsWith('idf-'));
      expect(idf).toHaveLength(1);
      expect(readFileSync(join(dir, idf[0]), 'utf8').trim().split('\n')).toHaveLength(1);
      // nowhere to write: jieba's own table, and the same tokens
      expect(run({ TMPDIR: join(tmp, 'missing', 'dir') })).toEqual(written);
      expect(written.length).toBeGreaterThan(10);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
