import { describe, expect, it } from 'vitest';
import { propagateNames } from '../../src/pipeline/refine/propagate.js';
import { docWith, shown } from './helpers.js';

describe('refine-propagate', () => {
  it('tags the other occurrences of a recognised name', () => {
    const d = docWith('比亚迪发布新车。业内认为比亚迪的销量还会增长。', [['比亚迪', 'COMPANY']]);
    d.tokens = [];
    propagateNames(d);
    expect(shown(d)).toEqual(['比亚迪/COMPANY', '比亚迪/COMPANY']);
    expect(d.mentions[1].source).toBe('propagated');
  });
  it('two-character names only at token boundaries, never over another mention', () => {
    const text = '株洲人说，株洲很美，株洲市政府表态';
    const d = docWith(text, [['株洲', 'LOCATION', 5], ['株洲市政府', 'ORG']]);
    d.tokens = [
      { start: 0, end: 3, pos: 'n' },
      { start: 5, end: 7, pos: 'ns' },
    ];
    propagateNames(d);
    expect(shown(d)).toEqual(['株洲/LOCATION', '株洲市政府/ORG']);
  });
});
