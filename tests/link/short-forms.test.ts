/** Short forms follow the Doc's options: with `boilerplate`, a short form inside a boilerplate paragraph is tagged too. */
import { describe, expect, it } from 'vitest';
import { lexiconEngine } from '../../src/pipeline/recognise/engines/lexicon.js';
import { extractWith } from '../helpers/extract.js';
import { addShortForms } from '../../src/pipeline/link/short-forms.js';
import { docWith, runSegmented, shown } from '../refine/helpers.js';

/** The mentions after the short-form step, over `text` segmented as the pipeline segments it. */
const withShortForms = runSegmented(addShortForms);

const TEXT = ['淳华氢能源科技(湖南)有限公司今天在株洲签约。', '淳华氢能将加快布局。', '相关阅读', '1. 淳华氢能将加快布局'].join('\n\n');
const SHORT = '淳华氢能';

describe('short forms and boilerplate', () => {
  it('tags a short form in content paragraphs, and in boilerplate only when asked', async () => {
    const inContent = TEXT.indexOf(SHORT, TEXT.indexOf('\n'));
    const inBoilerplate = TEXT.lastIndexOf(SHORT);
    const plain = await extractWith(lexiconEngine, { text: TEXT });
    const all = await extractWith(lexiconEngine, { text: TEXT }, { boilerplate: true });
    expect(plain.paragraphs.filter((p) => p.boilerplate).length).toBeGreaterThan(0);
    const starts = (r: typeof plain) => r.mentions.filter((m) => m.text === SHORT).map((m) => m.start);
    expect(starts(plain)).toEqual([inContent]);
    expect(starts(all)).toEqual([inContent, inBoilerplate]);
    for (const r of [plain, all]) for (const m of r.mentions) expect(TEXT.slice(m.start, m.end)).toBe(m.text);
  });
});

describe('short forms over a place inside them', () => {
  it('a place strictly inside a short form of a company the article named in full gives way', async () => {
    const text = '醴陵时代新能源科技股份有限公司在贵安新区投资。\n\n醴陵时代表示，项目将于明年投产。';
    const r = await extractWith(lexiconEngine, { text });
    const second = text.lastIndexOf('醴陵时代');
    const at = r.mentions.filter((m) => m.start >= second && m.start < second + 4);
    expect(at.map((m) => [m.text, m.type])).toEqual([['醴陵时代', 'COMPANY']]);
    for (const m of r.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('a town before a company\'s name is not its short form (三乡镇 of 三乡镇叁肆铅笔制造有限公司)', async () => {
    const text = '三乡镇叁肆铅笔制造有限公司扩产。\n\n三乡镇党委书记到三乡镇调研。';
    const r = await extractWith(lexiconEngine, { text });
    expect(r.mentions.some((m) => m.text === '三乡镇' && m.type === 'COMPANY')).toBe(false);
  });
  it('without the full name in the article, a place stays a place', async () => {
    const text = '醴陵时代表示，项目将于明年投产。';
    const r = await extractWith(lexiconEngine, { text });
    expect(r.mentions.some((m) => m.text === '醴陵时代' && m.type === 'COMPANY')).toBe(false);
  });
  it('a company the annotated training lines name (names-labelled.tsv) is known without its full name', async () => {
    const text = '宁德时代表示，项目将于明年投产。';
    const r = await extractWith(lexiconEngine, { text });
    expect(r.mentions.filter((m) => m.start === 0).map((m) => [m.text, m.type])).toEqual([['宁德时代', 'COMPANY']]);
  });
});

describe('short forms are never events or generic words', () => {
  it('an event body (`第六届进博会新闻中心`) gives no short form `第六届进博会` nor a piece of it', () => {
    const text = '第六届进博会新闻中心启用。第六届进博会将于明天开幕。';
    const d = docWith(text, [['第六届进博会新闻中心', 'ORG']]);
    // token boundaries as jieba gives them
    d.tokens = [[0, 3], [3, 6], [6, 10], [10, 12], [13, 16], [16, 19]].map(([start, end]) => ({ start, end, pos: 'n' }));
    addShortForms(d);
    expect(shown(d)).toEqual(['第六届进博会新闻中心/ORG']);
  });
});

describe('short forms never end in punctuation', () => {
  it('`中国—` is no short form of `中国—东盟中心`: the country stays a place', () => {
    const text = '中国—东盟中心主办论坛，中国—东盟贸易增长';
    const d = docWith(text, [['中国—东盟中心', 'ORG'], ['中国', 'LOCATION', 12], ['东盟', 'ORG', 12]]);
    let at = 0;
    d.tokens = ['中国', '—', '东盟', '中心', '主办', '论坛', '，', '中国', '—', '东盟', '贸易', '增长'].map((w) => {
      const t = { start: at, end: at + w.length, pos: 'n' };
      at += w.length;
      return t;
    });
    addShortForms(d);
    expect(shown(d)).toEqual(['中国—东盟中心/ORG', '中国/LOCATION', '东盟/ORG']);
  });
});

describe('short forms are never a leader', () => {
  it('英国首相 is not a short form of 英国首相办公室', () => {
    expect(withShortForms('英国首相办公室发表声明。英国首相斯塔默将访华。', [['英国首相办公室', 'ORG'], ['斯塔默', 'PERSON']])).toEqual(['英国首相办公室/ORG', '斯塔默/PERSON']);
  });
  it('nor is a title (行政长官 of 行政长官办公室)', () => {
    expect(withShortForms('行政长官陈明发表讲话，行政长官办公室随后公布全文。', [['陈明', 'PERSON'], ['行政长官办公室', 'ORG']])).toEqual(['陈明/PERSON', '行政长官办公室/ORG']);
  });
});


describe("an organisation's leading part", () => {
  it("is no short form of it (摩擦学 of 摩擦学国家重点实验室, 大连市市场 of 大连市市场监管局, 中国汽车 of 中国汽车工业协会); a company's is (淳华氢能, 宁德时代)", () => {
    const text = '摩擦学专家、摩擦学国家重点实验室创始人到访。大连市市场监管局通报，大连市市场监管部门开展行动。中国汽车工业协会发布数据，中国汽车市场回暖；'
      + '淳华氢能源科技有限公司董事到场。淳华氢能扩产，宁德时代新能源科技股份有限公司公告，宁德时代扩产';
    expect(withShortForms(text, [
      ['摩擦学国家重点实验室', 'ORG'], ['大连市市场监管局', 'ORG'], ['大连市', 'LOCATION'], ['中国汽车工业协会', 'ORG'], ['中国', 'LOCATION'],
      ['淳华氢能源科技有限公司', 'COMPANY'], ['宁德时代新能源科技股份有限公司', 'COMPANY'],
    ])).toEqual([
      '摩擦学国家重点实验室/ORG', '大连市市场监管局/ORG', '大连市/LOCATION', '中国汽车工业协会/ORG', '中国/LOCATION',
      '淳华氢能源科技有限公司/COMPANY', '淳华氢能/COMPANY', '宁德时代新能源科技股份有限公司/COMPANY', '宁德时代/COMPANY',
    ]);
  });
});
