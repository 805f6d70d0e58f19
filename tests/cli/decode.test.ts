/** Text and HTML files in other encodings are decoded, garbage is refused; Retry-After is honoured. */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeFile, UndecodableFile } from '../../src/cli/decode.js';
import { retryAfterMs } from '../../src/cli/retry.js';

const SIMPLIFIED = '株洲市发改委主任刘海宾介绍，去年6月投产后，预计今年产值过8000万元，同比增长22.8%。';
const TRADITIONAL = '台積電昨天公布去年第四季財報，營收新台幣八千億元，創下歷史新高。';

describe('decodeFile', () => {
  it('reads UTF-8, with and without a BOM, and UTF-16 with a BOM', () => {
    expect(decodeFile(Buffer.from(SIMPLIFIED, 'utf8'))).toMatchObject({ text: SIMPLIFIED, encoding: 'utf-8', by: 'utf-8' });
    expect(decodeFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)]))).toMatchObject({ text: SIMPLIFIED, by: 'bom' });
    expect(decodeFile(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TRADITIONAL, 'utf-16le')]))).toMatchObject({ text: TRADITIONAL, by: 'bom' });
  });

  it('detects GBK and Big5 text', () => {
    expect(decodeFile(iconv.encode(SIMPLIFIED, 'gbk'))).toMatchObject({ text: SIMPLIFIED, by: 'detected' });
    expect(decodeFile(iconv.encode(TRADITIONAL, 'big5'))).toMatchObject({ text: TRADITIONAL, by: 'detected' });
  });

  it("follows an HTML page's meta charset", () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>${SIMPLIFIED}</p></body></html>`;
    const r = decodeFile(iconv.encode(page, 'gbk'), { html: true });
    expect(r.by).toBe('meta');
    expect(r.text).toContain(SIMPLIFIED);
  });

  it('refuses a file that decodes to mostly replacement characters', () => {
    const garbage = Buffer.from('\uFFFD'.repeat(40) + '株洲', 'utf8');
    expect(() => decodeFile(garbage)).toThrow(UndecodableFile);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, bounded to a minute', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('soon')).toBeNull();
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(retryAfterMs('Sun, 29 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('7200')).toBe(60_000);
  });
});
