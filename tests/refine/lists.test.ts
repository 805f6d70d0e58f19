import { describe, expect, it } from 'vitest';
import { tagListedCompanies } from '../../src/pipeline/refine/lists.js';
import { runSegmented } from './helpers.js';

const run = runSegmented(tagListedCompanies);

describe('refine-lists', () => {
  it('an item of a list of companies is a company', () => {
    expect(run('涨幅居前的分别是三花智控(1183.17%)、振德医疗(849%)、中欣氟材(753.33%)、新和成(587.06)', [['三花智控', 'COMPANY'], ['新和成', 'COMPANY', 30]])).toEqual([
      '三花智控/COMPANY', '振德医疗/COMPANY', '中欣氟材/COMPANY', '新和成/COMPANY',
    ]);
  });
  it('needs two companies in the list, and leaves places and generic words alone', () => {
    expect(run('振德医疗、中欣氟材、新和成', [['新和成', 'COMPANY']])).toEqual(['新和成/COMPANY']);
    expect(run('比亚迪、长沙、公司、蔚来', [['比亚迪', 'COMPANY'], ['蔚来', 'COMPANY']])).toEqual(['比亚迪/COMPANY', '蔚来/COMPANY']);
    expect(run('比亚迪、吉利、蔚来的销量', [['比亚迪', 'COMPANY'], ['吉利', 'COMPANY']])).toEqual(['比亚迪/COMPANY', '吉利/COMPANY']);
  });
});
