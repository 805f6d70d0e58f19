import { describe, expect, it } from 'vitest';
import { UserDictionary } from '../../src/pipeline/recognise/user-dictionary.js';
import { docWith, shown } from './helpers.js';

const dict = (entries: [string, string][]) => {
  const d = new UserDictionary();
  d.set(entries.map(([name, type]) => ({ name, type, action: 'add' as const })), { jieba: false });
  return d;
};

describe('dictionary: an added name replaces shorter mentions inside it', () => {
  it('a shorter model mention gives way to the editor’s longer name', () => {
    const d = docWith('通讯员 夏子涵 报道', [['夏子', 'PERSON']]);
    dict([['夏子涵', 'PERSON']]).run(d);
    expect(shown(d)).toEqual(['夏子涵/PERSON']);
  });
  it('several mentions inside are replaced, with the editor’s type', () => {
    const d = docWith('青禾智造今日发布新品', [['青禾', 'LOCATION'], ['智造', 'ORG']]);
    dict([['青禾智造', 'COMPANY']]).run(d);
    expect(shown(d)).toEqual(['青禾智造/COMPANY']);
  });
  it('a mention reaching outside the added name, or a value, blocks it', () => {
    const d = docWith('夏子涵说明天下雨', [['夏子涵说', 'PERSON']]);
    dict([['子涵', 'PERSON']]).run(d);
    expect(shown(d)).toEqual(['夏子涵说/PERSON']);
    const v = docWith('2025青禾展开幕', [['2025', 'DATE']]);
    dict([['2025青禾展', 'ORG']]).run(v);
    expect(shown(v)).toEqual(['2025/DATE']);
  });
  it('an exact mention keeps its place and takes the editor’s type', () => {
    const d = docWith('青禾智造今日发布新品', [['青禾智造', 'ORG']]);
    dict([['青禾智造', 'COMPANY'], ['青禾', 'LOCATION']]).run(d);
    expect(shown(d)).toEqual(['青禾智造/COMPANY']);
  });
});
