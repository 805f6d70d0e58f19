import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/pipeline/segment/jieba.js';
import { recogniseLexicon } from '../../../src/pipeline/recognise/lexicon/index.js';
import { SURE_PERSON_SCORE } from '../../../src/pipeline/recognise/lexicon/persons.js';
import { combineModelAndLexicon } from '../../../src/pipeline/recognise/engines/combine.js';
import type { NormMention } from '../../../src/pipeline/doc.js';

/** The byline names the lexicon vouches for: `text` of every PERSON scored SURE_PERSON_SCORE. */
function sure(text: string): string[] {
  return recogniseLexicon(text, segment(text))
    .filter((m) => m.type === 'PERSON' && m.score >= SURE_PERSON_SCORE)
    .map((m) => text.slice(m.start, m.end));
}

describe('lexicon: the names of a byline', () => {
  it.each([
    ['【大河财立方 记者 杨萨 裴熔熔】银行界正迎来新一波潮', ['杨萨', '裴熔熔']],
    ['【编辑:李润泽】\n【编辑:葛成】', ['李润泽', '葛成']],
    ['中新网北京8月1日电 (记者 庞无忌)进入7月', ['庞无忌']],
    ['撰文：林子慰\n出版：更新：', ['林子慰']],
    ['信息来源:唐春杰 顾日升 沈兆捷', ['唐春杰', '顾日升', '沈兆捷']],
    ['记者 安源 摄', ['安源']],
    ['通讯员、王芳', []],
  ])('%s', (text, names) => {
    expect(sure(text)).toEqual(names);
  });

  it.each([
    ['作者: 来源:玉溪日报 字数:793'], // an empty credit: the next label is nobody
    ['记者从市统计局获悉，全市经济稳中有进'], // no separator: running text
    ['北京8月1日电 (记者 北京8月1日电)'],
    ['请集团内部和外部的一些知名专家来讲课。'], // a title's guess is not vouched for
    ['该行行长方合英。'],
  ])('no sure name in %s', (text) => {
    expect(sure(text)).toEqual([]);
  });
});

describe('combine: a byline name fills a gap the model left', () => {
  const m = (start: number, end: number, type: NormMention['type'], score: number, source = 'model'): NormMention => ({ start, end, type, score, source });
  it('a sure lexicon name is added where no model span is, a title guess is not, and a model span wins', () => {
    const text = '记者 杨萨 裴熔熔 校长楼门前';
    const lex = [m(3, 5, 'PERSON', SURE_PERSON_SCORE, 'lexicon'), m(6, 9, 'PERSON', SURE_PERSON_SCORE, 'lexicon'), m(12, 15, 'PERSON', 0.85, 'lexicon')];
    const out = combineModelAndLexicon([m(3, 5, 'PERSON', 0.95)], lex, text);
    expect(out.map((x) => `${text.slice(x.start, x.end)}/${x.source}`)).toEqual(['杨萨/model', '裴熔熔/lexicon']);
  });
  it('a byline name replaces a model person cut short inside it, not a longer or other-typed span', () => {
    const text = '明报记者 陈伟燊\n大行瑞银指';
    const sure = m(5, 8, 'PERSON', SURE_PERSON_SCORE, 'lexicon');
    expect(combineModelAndLexicon([m(5, 7, 'PERSON', 0.9)], [sure], text).map((x) => text.slice(x.start, x.end))).toEqual(['陈伟燊']);
    expect(combineModelAndLexicon([m(5, 7, 'ORG', 0.9)], [sure], text).map((x) => text.slice(x.start, x.end))).toEqual(['陈伟']);
  });
});
