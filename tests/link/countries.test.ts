/** Every country gets its ISO 3166-1 code from the maintained Chinese names, not only a hand-picked few. */
import { describe, expect, it } from 'vitest';
import { resolvePlace } from '../../src/pipeline/link/entities.js';

describe('country codes', () => {
  it.each([
    ['冰岛', 'IS'],
    ['斯洛伐克', 'SK'],
    ['科特迪瓦', 'CI'],
    ['北马其顿', 'MK'],
    ['大韩民国', 'KR'],
    ['美国', 'US'],
  ])('%s → %s', (name, code) => {
    expect(resolvePlace(name)).toMatchObject({ code, level: 'country' });
  });

  it('keeps Hong Kong, Macao and Taiwan as GB/T 2260 divisions and leaves 中非 (China–Africa) alone', () => {
    expect(resolvePlace('香港特别行政区')?.code).toBe('810000');
    expect(resolvePlace('中非')).toBeUndefined();
  });
});
