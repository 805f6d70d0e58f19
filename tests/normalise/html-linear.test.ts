/** HTML → text in time linear in the input: unclosed tags, stray end tags, huge flat pages (issue: 100,000 `<b>` took 21 s). */
import { describe, expect, it } from 'vitest';
import { boundNesting, htmlToText, MAX_NESTING } from '../../src/pipeline/normalise/html.js';

function timed(html: string) {
  const t0 = performance.now();
  const r = htmlToText(html);
  return { ms: performance.now() - t0, text: r.text };
}

const CASES: [string, (n: number) => string][] = [
  ['unclosed <b>', (n) => '<b>'.repeat(n) + '株洲市发改委'],
  ['nested <div>…</div>', (n) => '<div>'.repeat(n) + '株洲市发改委' + '</div>'.repeat(n)],
  ['unclosed <p><b>', (n) => '<p><b>株洲'.repeat(n / 2)],
  ['stray end tags', (n) => '<b>'.repeat(2000) + '株洲市发改委' + '</x>'.repeat(n)],
  ['unclosed <span> in <svg>', (n) => '<svg>' + '<g>'.repeat(n) + '</svg>株洲市发改委'],
];

describe('HTML → text is linear in the input', () => {
  for (const [label, make] of CASES) {
    it(`${label}: 100,000 tags within 3 s, and twice as many within ~2.5× the time`, () => {
      timed(make(1000)); // warm up
      const a = timed(make(50_000));
      const b = timed(make(100_000));
      expect(b.ms).toBeLessThan(3000);
      // quadratic would be 4×; leave room for GC and a noisy machine
      expect(b.ms, `${Math.round(a.ms)} ms → ${Math.round(b.ms)} ms`).toBeLessThan(Math.max(3 * a.ms, 400));
      if (label !== 'unclosed <p><b>') expect(b.text).toContain('株洲');
    });
  }

  it('keeps ordinary pages as they are and only drops the tags past MAX_NESTING', () => {
    const page = '<html><body>' + '<div><p>株洲市<b>发改委</b></p></div>'.repeat(2000) + '<script>if (a < b) x = "<b>";</script></body></html>';
    expect(boundNesting(page)).toBe(page);
    const deep = '<i>'.repeat(MAX_NESTING + 500) + '株洲' + '</i>'.repeat(MAX_NESTING + 500);
    const bounded = boundNesting(deep);
    expect(bounded).toBe('<i>'.repeat(MAX_NESTING) + '株洲' + '</i>'.repeat(MAX_NESTING));
    expect(htmlToText(deep).text).toBe('株洲');
  });

  it('follows implied end tags, void elements, comments and raw text when counting depth', () => {
    const lis = '<ul>' + '<li>株洲'.repeat(5000) + '</ul>';
    expect(boundNesting(lis)).toBe(lis);
    const voids = '<div>' + '<br><img src="a>b"><input>'.repeat(3000) + '</div>';
    expect(boundNesting(voids)).toBe(voids);
    const hidden = '<!--' + '<b>'.repeat(5000) + '--><script>' + '<b>'.repeat(5000) + '</script>株洲';
    expect(boundNesting(hidden)).toBe(hidden);
    expect(htmlToText('<ul>' + '<li>株洲' + '<li>长沙'.repeat(3) + '</ul>').text).toBe('株洲\n长沙\n长沙\n长沙');
  });
});
