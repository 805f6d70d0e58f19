import { describe, expect, it } from 'vitest';
import { tagMedia } from '../../src/pipeline/refine/media.js';
import { docWith, shown } from './helpers.js';
import { segment } from '../../src/pipeline/segment/jieba.js';

describe('refine-media', () => {
  it('a known outlet or an outlet-shaped name is ORG, not COMPANY', () => {
    const d = docWith('据新华社消息，西湖晚报和光明网都转载了', [['新华社', 'COMPANY'], ['西湖晚报', 'COMPANY'], ['光明网', 'COMPANY']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['新华社/ORG', '西湖晚报/ORG', '光明网/ORG']);
  });
  it('knows financial media and the provinces\' papers and sites (智通财经, 格隆汇, 华尔街见闻, 草原云, 中安在线), not common words (金融界)', () => {
    const text = '据智通财经APP讯，格隆汇报道，华尔街见闻援引草原云和中安在线消息，金融界人士认为';
    const d = docWith(text, [['格隆汇', 'COMPANY'], ['华尔街', 'LOCATION']]);
    d.tokens = segment(text);
    tagMedia(d);
    expect(shown(d)).toEqual(['智通财经/ORG', '格隆汇/ORG', '华尔街见闻/ORG', '草原云/ORG', '中安在线/ORG']);
  });
  it('a known outlet is tagged over a place inside its name (券商中国, 中国证券网), not over a name reaching out of it', () => {
    const d = docWith('券商中国记者注意到，中国证券网报道，新华社长沙电', [['中国', 'LOCATION'], ['中国', 'LOCATION', 5], ['社长', 'PERSON']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['券商中国/ORG', '中国证券网/ORG', '社长/PERSON']);
  });
  it('a person, place or company filling a pair of title marks is a work\'s title (《Braid》, 《哪吒》); a paper there is an outlet', () => {
    const d = docWith('《Braid》是一款游戏，《哪吒》票房大卖，《长安》上映，《工人日报》报道，比亚迪《年报》', [
      ['Braid', 'COMPANY'], ['哪吒', 'PERSON'], ['长安', 'LOCATION'], ['工人日报', 'COMPANY'], ['比亚迪', 'COMPANY'],
    ]);
    tagMedia(d);
    expect(shown(d)).toEqual(['工人日报/ORG', '比亚迪/COMPANY']);
  });
  it('a document cited in a source line is no outlet (券商半年报, 统计公报); an outlet there is', () => {
    const d = docWith('来源：券商半年报\n来源：统计公报\n来源：江南晚报', []);
    tagMedia(d);
    expect(shown(d)).toEqual(['江南晚报/ORG']);
  });
  it("a source line's outlet ends before a credit's role or a date's label glued after it (…在线编辑, …周报记者摄, …报时间)", () => {
    const d = docWith('来源：江南在线编辑：李明\n图片来源：东海周报记者摄\n来源：华中商报时间：2024', []);
    tagMedia(d);
    expect(shown(d)).toEqual(['江南在线/ORG', '东海周报/ORG', '华中商报/ORG']);
  });
  it("an outlet's app is the outlet (北京日报客户端, 中安新闻客户端)", () => {
    const d = docWith('北京日报客户端与中安新闻客户端报道', [['北京日报', 'ORG'], ['中安新闻', 'ORG']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['北京日报客户端/ORG', '中安新闻客户端/ORG']);
  });
  it('knows Hong Kong, Taiwan and more mainland outlets by name; not words such as 财经 or 上报', () => {
    const text = '据法庭线报道，钜亨网、香港01和齐鲁晚报均有报道。财经新闻须上报';
    const d = docWith(text, []);
    tagMedia(d);
    expect(shown(d)).toEqual(['法庭线/ORG', '钜亨网/ORG', '香港01/ORG', '齐鲁晚报/ORG']);
  });
  it('outlets in a source line are tagged, each up to a space', () => {
    const d = docWith('发布时间：2024-03-01 来源：江城在线 楚天都市网\n正文在此。', []);
    tagMedia(d);
    expect(shown(d)).toEqual(['江城在线/ORG', '楚天都市网/ORG']);
  });
  it("a government's news account credited in a source line is an outlet; 发布 in running text is no name", () => {
    const d = docWith('时间：2024-01-17 来源：南关发布\n（来源：旅顺口发布）\n上海发布新政策。来源：发布', [['南关', 'ORG'], ['上海', 'LOCATION']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['南关发布/ORG', '旅顺口发布/ORG', '上海/LOCATION']);
  });
  it('a dateline and a bracketed credit tag the outlet only', () => {
    const d = docWith('标题\n星城网岳麓3月2日电 近日开工。\n【滨海经济网】消息\n本报讯 记者报道', [['岳麓', 'LOCATION']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['星城网/ORG', '岳麓/LOCATION', '滨海经济网/ORG']);
  });
  it('the 讯 of 资讯 or 通讯 ends no dateline (根据农业部官网最新资讯显示); 星城晚报讯 does', () => {
    const d = docWith('根据农业部官网最新资讯显示，产蛋母鸡增加\n星城晚报讯 记者报道', [['农业部', 'ORG']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['农业部/ORG', '星城晚报/ORG']);
  });
  it("a dateline may end in 消息 (中广网武汉7月31日消息); a company's own news does not make it an outlet", () => {
    const d = docWith('江城网武汉7月31日消息（记者）\n华为5月21日消息，新机发布', [['江城网', 'COMPANY'], ['武汉', 'LOCATION'], ['华为', 'COMPANY']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['江城网/ORG', '武汉/LOCATION', '华为/COMPANY']);
  });
  it("outlets joined by a middle dot in a source line are each an outlet, where the last is one; a known outlet's site is the outlet", () => {
    const d = docWith('来源：新甘肃·甘肃日报\n来源：新民晚报社区版·长三角\n扬子晚报网12月8日讯 正文', [['新甘肃·甘肃日报', 'ORG']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['新甘肃/ORG', '甘肃日报/ORG', '新民晚报社区版·长三角/ORG', '扬子晚报网/ORG']);
  });
  it('a document cited by its title at the start of a line is no outlet (《公报》显示); a paper still is', () => {
    const d = docWith('《公报》显示,资源增长\n《统计公报》指出\n《人民日报》报道', []);
    tagMedia(d);
    expect(shown(d)).toEqual(['人民日报/ORG']);
  });
  it('a CCTV channel is one ORG', () => {
    const d = docWith('总台央视财经频道将直播', [['央视', 'ORG']]);
    tagMedia(d);
    expect(shown(d)).toEqual(['总台央视财经频道/ORG']);
  });
});

describe('refine-media datelines', () => {
  it('据 before a dateline outlet is outside it; a sentence before one is no outlet', () => {
    const d = docWith('据新华社西宁5月2日电 消息\n部长结束访问回京据新华社北京5月3日电 消息', []);
    tagMedia(d);
    expect(shown(d)).toEqual(['新华社/ORG', '新华社/ORG']);
  });
});
