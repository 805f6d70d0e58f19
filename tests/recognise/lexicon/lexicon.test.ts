import { describe, expect, it } from 'vitest';
import { segment } from '../../../src/pipeline/segment/jieba.js';
import { LexiconEngine, recogniseLexicon, resolveOverlaps } from '../../../src/pipeline/recognise/lexicon/index.js';

/** `TYPE:text` for every mention. */
function ents(text: string): string[] {
  return recogniseLexicon(text, segment(text)).map((m) => `${m.type}:${text.slice(m.start, m.end)}`);
}

describe('lexicon engine: companies and people', () => {
  it.each([
    ['欧微时尚集团股份有限公司董事长李玉龙告诉记者', ['COMPANY:欧微时尚集团股份有限公司', 'PERSON:李玉龙']],
    ['淳华氢能源科技(湖南)有限公司董事长谢曙正在谋划', ['COMPANY:淳华氢能源科技(湖南)有限公司', 'PERSON:谢曙']],
    ['淳华氢能源科技（湖南）有限公司', ['COMPANY:淳华氢能源科技（湖南）有限公司']],
    ['株洲高新区新马金谷工业园,淳华氢能源科技(湖南)有限公司董事长谢曙', ['COMPANY:淳华氢能源科技(湖南)有限公司', 'PERSON:谢曙']],
    ['百忙中,微时尚集团股份有限公司董事长李玉龙说', ['COMPANY:微时尚集团股份有限公司', 'PERSON:李玉龙']],
    ['华为技术有限公司发布新品', ['COMPANY:华为技术有限公司']],
    ['中国银行株洲分行', ['COMPANY:中国银行']],
  ])('%s', (text, expected) => {
    for (const e of expected) expect(ents(text)).toContain(e);
  });
});

describe('lexicon engine: organisations', () => {
  it.each([
    ['株洲市发改委主任刘海宾介绍', ['ORG:株洲市发改委', 'PERSON:刘海宾']],
    ['2月15日,株洲市贸促会牵头,一支由32家德国企业组成的代表团', ['ORG:株洲市贸促会', 'LOCATION:德国']],
    ['市贸促会牵头组织', ['ORG:市贸促会']],
    ['中车株洲所日前与株洲市政府签约', ['ORG:中车株洲所', 'ORG:株洲市政府']],
    ['株洲市工信局实施产业基础再造;株洲市科技局打响攻坚仗', ['ORG:株洲市工信局', 'ORG:株洲市科技局']],
    ['株洲高新区经济合作局主任科员谢璇上台路演', ['ORG:株洲高新区经济合作局', 'PERSON:谢璇']],
    ['株洲市优化营商环境协调事务中心负责人信心满满', ['ORG:株洲市优化营商环境协调事务中心']],
    ['他毕业于北京大学,现在湘雅医院工作', ['ORG:北京大学', 'ORG:湘雅医院']],
    ['株洲市中级人民法院审理此案', ['ORG:株洲市中级人民法院']],
    ['湖南省服装行业协会会长', ['ORG:湖南省服装行业协会']],
  ])('%s', (text, expected) => {
    const got = ents(text);
    for (const e of expected) expect(got).toContain(e);
  });
});

describe('lexicon engine: places', () => {
  it.each([
    ['南下广东省广州、深圳、佛山、肇庆4市', ['LOCATION:广东省', 'LOCATION:广州', 'LOCATION:深圳', 'LOCATION:佛山', 'LOCATION:肇庆']],
    ['攸县重点开展项目攻坚', ['LOCATION:攸县']],
    ['株洲高新区召开千名企业家大会', ['LOCATION:株洲高新区']],
    ['代表团来自德国,随后前往美国纽约', ['LOCATION:德国', 'LOCATION:美国', 'LOCATION:纽约']],
    ['他从英国伦敦回到湖南株洲', ['LOCATION:英国', 'LOCATION:伦敦', 'LOCATION:湖南', 'LOCATION:株洲']],
    ['醴陵市和茶陵县', ['LOCATION:醴陵市', 'LOCATION:茶陵县']],
  ])('%s', (text, expected) => {
    const got = ents(text);
    for (const e of expected) expect(got).toContain(e);
  });
});

describe('lexicon engine: person names of 2–4 chars', () => {
  it.each([
    ['记者 李永亮 通讯员 龙子怡', ['PERSON:李永亮', 'PERSON:龙子怡']],
    ['主任刘海宾说,项目进展顺利', ['PERSON:刘海宾']],
    ['总经理王强表示', ['PERSON:王强']],
    ['欧阳娜娜和王小明见面', ['PERSON:欧阳娜娜', 'PERSON:王小明']],
    ['预计今年产值过8000万元。”谢曙信心满满', []],
  ])('%s', (text, expected) => {
    const got = ents(text);
    for (const e of expected) expect(got).toContain(e);
  });
});

describe('lexicon engine: false-positive traps', () => {
  it.each([
    '高新区',
    '发展',
    '公司决定立即开发新品',
    '该公司专心研发',
    '本公司郑重声明',
    '为抓住发展机遇期,公司决定立即在广州新设研发中心',
    '布局新能源汽车',
    '召开千名企业家大会',
    '株洲市有各类经营主体42.1万余户',
  ])('%s', (text) => {
    const got = ents(text);
    expect(got.filter((e) => !e.startsWith('LOCATION:株洲') && !e.startsWith('LOCATION:广州'))).toEqual([]);
  });

  // bare generic references (ANNOTATION.md): no company is named in any of these
  it.each([
    ['这是公司首次达成营收、利润“双千亿”目标', []],
    ['增持该公司11.43万股股票,占该公司总股本的0.0013%', []],
    ['大连某食品有限公司生产经营不符合食品安全标准的食品案', ['LOCATION:大连']],
    ['至於人气玩偶Labubu母公司泡泡玛特,', []],
  ])('no company in %s (a determiner, an anonymised name, a word for a company)', (text, expected) => {
    expect(ents(text).filter((e) => e.startsWith('COMPANY:') || e.startsWith('ORG:'))).toEqual(expected.filter((e) => !e.startsWith('LOCATION:')));
  });

  it('still finds a legal name, and one in front of its own unknown word', () => {
    expect(ents('大连华信食品有限公司生产经营')).toContain('COMPANY:华信食品有限公司');
    expect(ents('蔚来公司发布新车')).toContain('COMPANY:蔚来公司');
  });

  it('never includes U+FFFD', () => {
    const text = '株洲\uFFFD有限公司董事长李\uFFFD龙,\uFFFD\uFFFD集团';
    for (const m of recogniseLexicon(text, segment(text))) expect(text.slice(m.start, m.end)).not.toContain('\uFFFD');
  });
});

describe('merge rules', () => {
  it('keeps the longest span, then the higher-priority type', () => {
    const got = resolveOverlaps([
      { start: 0, end: 2, type: 'LOCATION', score: 0.9 },
      { start: 0, end: 6, type: 'ORG', score: 0.8 },
      { start: 7, end: 10, type: 'LOCATION', score: 0.9 },
      { start: 7, end: 10, type: 'PERSON', score: 0.5 },
    ]);
    expect(got).toEqual([
      { start: 0, end: 6, type: 'ORG', score: 0.8 },
      { start: 7, end: 10, type: 'PERSON', score: 0.5 },
    ]);
  });

  it('returns sorted, non-overlapping mentions with scores in (0,1]', () => {
    const text = '株洲市发改委主任刘海宾介绍,中车株洲所日前与株洲市政府签约,欧微时尚集团股份有限公司董事长李玉龙告诉记者。';
    const ms = LexiconEngine.recognise(text, segment(text));
    expect(LexiconEngine.name).toBe('lexicon');
    for (let i = 0; i < ms.length; i++) {
      expect(ms[i].score).toBeGreaterThan(0);
      expect(ms[i].score).toBeLessThanOrEqual(1);
      if (i) expect(ms[i].start).toBeGreaterThanOrEqual(ms[i - 1].end);
    }
  });
});

describe('lexicon engine: whole article', () => {
  it('finds the expected entities and propagates names', async () => {
    const { SAMPLE_ARTICLE } = await import('./sample-article.js');
    const got = ents(SAMPLE_ARTICLE);
    for (const e of [
      'PERSON:王建华', 'PERSON:陈晓燕', 'ORG:株洲市发改委', 'PERSON:刘海宾', 'LOCATION:株洲高新区',
      'COMPANY:淳华氢能源科技(湖南)有限公司', 'PERSON:谢曙', 'COMPANY:欧微时尚集团股份有限公司', 'PERSON:李玉龙',
      'ORG:中车株洲所', 'ORG:株洲市政府', 'COMPANY:中车株洲电力机车有限公司', 'ORG:株洲市贸促会', 'LOCATION:德国',
      'LOCATION:醴陵市', 'LOCATION:攸县', 'LOCATION:茶陵县', 'LOCATION:长沙', 'LOCATION:上海', 'ORG:株洲市工信局',
      'PERSON:李建国', 'ORG:湖南省服装行业协会', 'PERSON:张丽萍', 'LOCATION:纽约', 'LOCATION:伦敦', 'LOCATION:东京',
      'ORG:株洲市优化营商环境协调事务中心', 'ORG:株洲市中级人民法院',
    ]) expect(got).toContain(e);
    expect(got.filter((e) => e === 'PERSON:谢曙')).toHaveLength(2);
    for (const bad of ['ORG:研发中心', 'COMPANY:公司', 'LOCATION:高新区']) expect(got).not.toContain(bad);
  });
});

describe('lexicon engine: invariants (property)', () => {
  it('mentions are in bounds, sorted, non-overlapping and never hold U+FFFD', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom(
      '株洲市', '发改委', '主任', '刘海', '宾', '有限公司', '集团', '(湖南)', '(', ')', '董事长', '李', '玉龙', '说', ',', '。',
      '\uFFFD', ' ', '\n', '德国', '纽约', '公司', '该', '局', '会', '中心', '高新区', '记者', '😀', '2023', 'abc', '与', '的',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const ms = recogniseLexicon(text, segment(text));
        let prev = 0;
        for (const m of ms) {
          if (m.start < prev || m.end <= m.start || m.end > text.length) return false;
          if (text.slice(m.start, m.end).includes('\uFFFD')) return false;
          if (!['PERSON', 'LOCATION', 'ORG', 'COMPANY'].includes(m.type) || !(m.score > 0 && m.score <= 1)) return false;
          prev = m.end;
        }
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('lexicon engine: more organisation boundaries and traps', () => {
  it.each([
    ['阿里巴巴集团控股有限公司与腾讯控股有限公司达成合作', ['COMPANY:阿里巴巴集团控股有限公司', 'COMPANY:腾讯控股有限公司']],
    ['小米科技有限责任公司创始人雷军宣布造车', ['COMPANY:小米科技有限责任公司', 'PERSON:雷军']],
    ['上周,中国人民银行宣布降准', ['ORG:中国人民银行']],
    ['教育部、财政部联合印发了通知', ['ORG:教育部', 'ORG:财政部']],
    ['他曾任北京市海淀区委书记', ['ORG:北京市海淀区委']],
    ['记者从长沙市公安局获悉', ['ORG:长沙市公安局']],
    ['湖南省株洲市芦淞区人民法院一审判决', ['ORG:湖南省株洲市芦淞区人民法院']],
    ['张伟和李娜是同事,王芳也加入了讨论', ['PERSON:张伟', 'PERSON:李娜', 'PERSON:王芳']],
  ])('%s', (text, expected) => {
    const got = ents(text);
    for (const e of expected) expect(got).toContain(e);
  });

  it.each([
    '这是一场别开生面的招商推介会',
    '政企早餐会升级',
    '工作人员说,办理业务需要带身份证',
    '王者荣耀是一款热门游戏',
    '大同小异的方案让白银价格波动',
    '在科创板上市',
    '他在会上强调,要把握发展机遇',
  ])('no entity in %s', (text) => {
    expect(ents(text)).toEqual([]);
  });
});

describe('lexicon engine: foreign names', () => {
  it.each([
    ['特斯拉首席执行官埃隆·马斯克表示', ['PERSON:埃隆·马斯克']],
    ['演员迪丽热巴·迪力木拉提出席活动', ['PERSON:迪丽热巴·迪力木拉提']],
    ['美国总统拜登会见了日本首相岸田文雄', ['PERSON:拜登', 'PERSON:岸田文雄', 'LOCATION:美国']],
  ])('%s', (text, expected) => {
    const got = ents(text);
    for (const e of expected) expect(got).toContain(e);
  });
});
