/**
 * A change and the level it reaches is two amounts, not a range (`股价上涨2美元至85.3美元`); money in the
 * capital numerals of contracts and judgments (`壹佰贰拾万元`); wind forces and earthquake magnitudes in 级; more
 * measure words (`50幅`, `两组`, `14段`, `8案`, `3万字`, `3封`, `30集`, `300页`, `两科`) and Taiwan's 公克; medals, countries,
 * speeds written with their time first, and a round hundred or thousand of things after a hedge (`近百台`).
 */
import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../src/pipeline/recognise/amounts/index.js';

function found(text: string) {
  return findAmounts(text).map((m) => [text.slice(m.start, m.end), m.type, m.value]);
}

describe('a verb of change, then an amount and the level it reaches', () => {
  it.each([
    ['油价每桶上涨2美元至85.3美元', [['2美元', 'MONEY', { amount: 2, currency: 'USD' }], ['85.3美元', 'MONEY', { amount: 85.3, currency: 'USD' }]]],
    ['股价下跌0.5元至12.3元', [['0.5元', 'MONEY', { amount: 0.5, currency: 'CNY' }], ['12.3元', 'MONEY', { amount: 12.3, currency: 'CNY' }]]],
    // a bare low end takes the high end's unit
    ['预算增加2.8亿至225.9亿元', [['2.8亿', 'MONEY', { amount: 280_000_000, currency: 'CNY' }], ['225.9亿元', 'MONEY', { amount: 22_590_000_000, currency: 'CNY' }]]],
    ['失业率上升0.3%至3.8%', [['0.3%', 'PERCENT', { value: 0.3 }], ['3.8%', 'PERCENT', { value: 3.8 }]]],
    ['股价涨约0.12至5.6元', [['0.12', 'MONEY', { amount: 0.12, currency: 'CNY', approx: true }], ['5.6元', 'MONEY', { amount: 5.6, currency: 'CNY' }]]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['营收预计增长50亿至60亿元', [['50亿至60亿元', 'MONEY', { amount: 5e9, currency: 'CNY', amount_max: 6e9 }]]],
    ['净利润同比增长20%至50%', [['20%至50%', 'PERCENT', { value: 20, value_max: 50 }]]],
    ['投资2亿至30亿元', [['2亿至30亿元', 'MONEY', { amount: 2e8, currency: 'CNY', amount_max: 3e9 }]]],
  ])('%s stays one range (ends close together, or no verb of change)', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('capital numerals', () => {
  it.each([
    ['合同金额为壹佰贰拾万元整', '壹佰贰拾万元', 1_200_000, 'CNY'],
    ['判处罚金人民币伍万元。', '人民币伍万元', 50_000, 'CNY'],
    ['共计壹拾贰万叁仟肆佰伍拾陆元柒角捌分', '壹拾贰万叁仟肆佰伍拾陆元柒角捌分', 123_456.78, 'CNY'],
    ['港币叁仟元', '港币叁仟元', 3000, 'HKD'],
  ])('%s', (text, span, amount, currency) => {
    expect(found(text)).toEqual([[span, 'MONEY', { amount, currency }]]);
  });

  it.each(['伍佰在台北开唱', '陆军参谋长', '参拾人参加'])('%s: no money without 元', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('级: a wind force or a magnitude, not a rank', () => {
  it.each([
    ['中心附近最大风力17级', '17级', { value: 17, unit: '级' }],
    ['风力可达12—16级', '12—16级', { value: 12, unit: '级', value_max: 16 }],
    ['沿海将有6—8级大风', '6—8级', { value: 6, unit: '级', value_max: 8 }],
    ['当地发生5.6级地震', '5.6级', { value: 5.6, unit: '级' }],
    ['阵风17级以上', '17级', { value: 17, unit: '级', approx: true }],
  ])('%s', (text, span, value) => {
    expect(found(text)).toEqual([[span, 'QUANTITY', value]]);
  });

  it.each(['启动4级应急响应', '三级医院', '一级响应', '升至3级', '5级台阶'])('%s: no quantity', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('半厘 (Hong Kong)', () => {
  it('is half a percentage point after a change of rate', () => {
    expect(found('美国联储局减息半厘')).toEqual([['半厘', 'PERCENT', { value: 0.5, unit: 'percentage_point' }]]);
    expect(found('银行加息半厘')).toEqual([['半厘', 'PERCENT', { value: 0.5, unit: 'percentage_point' }]]);
  });
  it.each(['长约半厘米', '价钱半厘也不让'])('%s: no percent', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('more measure words', () => {
  it.each([
    ['展出50幅作品', '50幅', { value: 50, unit: '幅' }],
    ['考生分为两组', '两组', { value: 2, unit: '组' }],
    ['共14段路段封闭', '14段', { value: 14, unit: '段' }],
    ['警方共处理8案', '8案', { value: 8, unit: '案' }],
    ['全文3万字', '3万字', { value: 30000, unit: '字' }],
    ['收到3封信', '3封', { value: 3, unit: '封' }],
    ['该剧共30集', '30集', { value: 30, unit: '集' }],
    ['全书300页', '300页', { value: 300, unit: '页' }],
    ['当天考两科', '两科', { value: 2, unit: '科' }],
    ['每包重500公克', '500公克', { value: 500, unit: 'g' }],
  ])('%s', (text, span, value) => {
    expect(found(text)).toEqual([[span, 'QUANTITY', value]]);
  });

  it.each(['湖北省红十字会', '5集团公司', '股价大幅上涨', '170组件文物', '3封顶仪式', '中国4科技企业', '5字头车牌'])('%s: no count', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('medals, countries, speeds, round counts', () => {
  it('counts medals in a sentence about a competition', () => {
    expect(found('中国代表团摘得40金、27银、24铜')).toEqual([
      ['40金', 'QUANTITY', { value: 40, unit: '金' }], ['27银', 'QUANTITY', { value: 27, unit: '银' }], ['24铜', 'QUANTITY', { value: 24, unit: '铜' }],
    ]);
    expect(found('库存3金条，另有5银元')).toEqual([]);
  });
  it('counts countries written in digits, not a name with a numeral', () => {
    expect(found('今年已与5国签署协议')).toEqual([['5国', 'QUANTITY', { value: 5, unit: '国' }]]);
    expect(found('七国集团和20国集团峰会，投资5国企')).toEqual([]);
  });
  it('reads a speed with its time first as one span', () => {
    expect(found('以每小时10公里左右的速度移动')).toEqual([['每小时10公里', 'QUANTITY', { value: 10, unit: 'km/h', approx: true }]]);
    expect(found('风速每秒30米')).toEqual([['每秒30米', 'QUANTITY', { value: 30, unit: 'm/s' }]]);
  });
  it.each([
    ['近百台工程机械进场', '百台', { value: 100, unit: '台', approx: true }],
    ['超千家企业参展', '千家', { value: 1000, unit: '家', approx: true }],
    ['百余家上下游企业', '百余家', { value: 100, unit: '家', approx: true }],
    ['逾万人参加', '万人', { value: 10000, unit: '人', approx: true }],
  ])('%s: about a round count', (text, span, value) => {
    expect(found(text)).toEqual([[span, 'QUANTITY', value]]);
  });
  it.each(['百家争鸣', '千家万户', '百年老店', '千万家庭'])('%s: an idiom, no count', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('a bare amount before the threshold it crosses', () => {
  it('is money where a money word stands in its clause', () => {
    expect(found('净利润突破百亿大关')).toEqual([['百亿', 'MONEY', { amount: 1e10, currency: 'CNY', approx: true }]]);
    expect(found('营收首破2.5万亿门槛')).toEqual([['2.5万亿', 'MONEY', { amount: 2.5e12, currency: 'CNY' }]]);
  });
  it('is nothing without one', () => {
    expect(found('常住人口突破千万大关')).toEqual([]);
  });
});

describe('currency codes in Latin letters', () => {
  it.each([
    ['总值约RMB 300万', 'RMB 300万', { amount: 3e6, currency: 'CNY', approx: true }],
    ['RMB300万', 'RMB300万', { amount: 3e6, currency: 'CNY' }],
    ['营收HKD 12亿元', 'HKD 12亿元', { amount: 1.2e9, currency: 'HKD' }],
    ['合共300万 USD', '300万 USD', { amount: 3e6, currency: 'USD' }],
  ])('%s', (text, span, value) => {
    expect(found(text)).toEqual([[span, 'MONEY', value]]);
  });
  it.each(['买入USDT 300万', '转出5 USDT', 'XRMB300万'])('%s: no currency inside a longer word', (text) => {
    expect(found(text).filter((r) => r[1] === 'MONEY')).toEqual([]);
  });
});

describe("呎 of a flat's size", () => {
  it('is square feet after a flat or its area (Hong Kong)', () => {
    expect(found('三房单位：一个527呎')).toEqual([['527呎', 'QUANTITY', { value: 527, unit: 'ft2' }]]);
    expect(found('实用面积约300呎')).toEqual([['300呎', 'QUANTITY', { value: 300, unit: 'ft2', approx: true }]]);
  });
  it('is feet otherwise', () => {
    expect(found('楼高800呎')).toEqual([['800呎', 'QUANTITY', { value: 800, unit: 'ft' }]]);
  });
});
