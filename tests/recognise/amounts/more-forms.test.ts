/**
 * Amount forms of scraped, Hong Kong and Taiwan text: spaces between the number and its
 * magnitude or unit, numbers written in sections (`2兆8623亿`, `452亿8,200万`), Chinese digits
 * written positionally with 〇/○ and 点, round magnitudes without a digit (`千亿`), and bare
 * 亿/兆 amounts whose currency is clear from the clause or the sentence. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import { chooseRegion, findAmounts, noteCurrency, type Region } from '../../../src/pipeline/recognise/amounts/index.js';
import { parseNumber } from '../../../src/pipeline/recognise/amounts/numbers.js';
import { amountRows as found, type AmountRow as Row } from '../../helpers/values.js';

describe('spaces between the number and its magnitude, currency or unit', () => {
  it.each<[string, Region, Row[]]>([
    ['该公司被罚 2150 万元。', 'CN', [['2150 万元', 'MONEY', { amount: 21_500_000, currency: 'CNY' }]]],
    ['出口额约 860 亿美元', 'CN', [['860 亿美元', 'MONEY', { amount: 86_000_000_000, currency: 'USD', approx: true }]]],
    ['赔偿人民币 3200 万元', 'CN', [['人民币 3200 万元', 'MONEY', { amount: 32_000_000, currency: 'CNY' }]]],
    ['规模在 1200 亿至 1500 亿美元之间', 'CN', [['1200 亿至 1500 亿美元', 'MONEY', { amount: 120_000_000_000, amount_max: 150_000_000_000, currency: 'USD' }]]],
    ['亏损 2.35 亿人民币', 'CN', [['2.35 亿人民币', 'MONEY', { amount: 235_000_000, currency: 'CNY' }]]],
    ['花了 3000 多万元', 'CN', [['3000 多万元', 'MONEY', { amount: 30_000_000, currency: 'CNY', approx: true }]]],
    ['桥长 415 米，载重 6 万吨', 'CN', [['415 米', 'QUANTITY', { value: 415, unit: 'm' }], ['6 万吨', 'QUANTITY', { value: 60_000, unit: 't' }]]],
    ['港口停靠 9 艘货轮', 'CN', [['9 艘', 'QUANTITY', { value: 9, unit: '艘' }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it.each(['2019 年', '第 3 个', '版本 2 发布'])('%s: nothing', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('多/余 after the last section of a number in sections', () => {
  it.each<[string, Region, Row[]]>([
    ['财损金额约新台币5亿8,975万余元', 'TW', [['新台币5亿8,975万余元', 'MONEY', { amount: 589_750_000, currency: 'TWD', approx: true }]]],
    ['营收12亿3000万多元', 'CN', [['12亿3000万多元', 'MONEY', { amount: 1_230_000_000, currency: 'CNY', approx: true }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it('8000多万余 is still no number', () => {
    expect(parseNumber('8000多万余')).toBeNull();
  });
});

describe('numbers in sections and positional Chinese digits', () => {
  it.each<[string, Region, Row[]]>([
    ['营业额港币318亿4,600万元', 'HK', [['港币318亿4,600万元', 'MONEY', { amount: 31_846_000_000, currency: 'HKD' }]]],
    ['资产总额5兆0120亿元', 'TW', [['5兆0120亿元', 'MONEY', { amount: 5_012_000_000_000, currency: 'TWD' }]]],
    ['合并营收二点〇八兆元', 'TW', [['二点〇八兆元', 'MONEY', { amount: 2_080_000_000_000, currency: 'TWD' }]]],
    ['税后纯益三〇四一点六亿元', 'TW', [['三〇四一点六亿元', 'MONEY', { amount: 304_160_000_000, currency: 'TWD' }]]],
    ['毛利一二五八点○二亿元', 'TW', [['一二五八点○二亿元', 'MONEY', { amount: 125_802_000_000, currency: 'TWD' }]]],
    // a full stop between Chinese digits is a decimal point (`．` is normalised to `.` before this stage)
    ['外销订单达七二九.二亿美元', 'TW', [['七二九.二亿美元', 'MONEY', { amount: 72_920_000_000, currency: 'USD' }]]],
    ['年增三十九.五%，较上月增〇.五%', 'TW', [['三十九.五%', 'PERCENT', { value: 39.5 }], ['〇.五%', 'PERCENT', { value: 0.5 }]]],
    ['营收将落在二一七亿至二二五亿美元', 'TW', [['二一七亿至二二五亿美元', 'MONEY', { amount: 21_700_000_000, amount_max: 22_500_000_000, currency: 'USD' }]]],
    ['约新台币六兆四五〇〇亿元', 'TW', [['新台币六兆四五〇〇亿元', 'MONEY', { amount: 6_450_000_000_000, currency: 'TWD', approx: true }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it('两个相邻数字不是位值写法', () => {
    // not 34亿: three to four hundred million (amounts.test.ts, neighbouring digits)
    expect(found('损失三四亿元')).toEqual([['三四亿元', 'MONEY', { amount: 300_000_000, currency: 'CNY', amount_max: 400_000_000 }]]);
  });
});

describe('round magnitudes and bare 亿/兆 amounts', () => {
  it.each<[string, Region, Row[]]>([
    ['签约总投资再破千亿', 'CN', [['千亿', 'MONEY', { amount: 100_000_000_000, currency: 'CNY', approx: true }]]],
    ['打造产值上百亿元的产业', 'CN', [['百亿元', 'MONEY', { amount: 10_000_000_000, currency: 'CNY', approx: true }]]],
    ['岁入编列2兆7100亿、岁出编列2兆9500亿', 'TW', [
      ['2兆7100亿', 'MONEY', { amount: 2_710_000_000_000, currency: 'TWD' }],
      ['2兆9500亿', 'MONEY', { amount: 2_950_000_000_000, currency: 'TWD' }],
    ]],
    ['岁出编列9120亿元,较上年度减少310亿,约减3%', 'TW', [
      ['9120亿元', 'MONEY', { amount: 912_000_000_000, currency: 'TWD' }],
      ['310亿', 'MONEY', { amount: 31_000_000_000, currency: 'TWD' }],
      ['3%', 'PERCENT', { value: 3 }],
    ]],
    ['公司单日赚逾48亿', 'TW', [['48亿', 'MONEY', { amount: 4_800_000_000, currency: 'TWD', approx: true }]]],
    ['财政储备8000亿港元,赤字670亿', 'HK', [
      ['8000亿港元', 'MONEY', { amount: 800_000_000_000, currency: 'HKD' }],
      ['670亿', 'MONEY', { amount: 67_000_000_000, currency: 'HKD' }],
    ]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it.each(['全国人口14亿。', '人口约2300万,增加50万', '共有14亿中国人', '全市人口1200万,增加30万'])('%s: no money', (text) => {
    expect(found(text).filter((r) => r[1] === 'MONEY')).toEqual([]);
  });
});

describe('region inference: Hong Kong and Taiwan government and place words', () => {
  it.each<[string, Region]>([
    ['财政司司长今日发表财政预算案,预计赤字约300亿元。', 'HK'],
    ['政府统计处公布,元朗及沙田的屋苑成交增加,实用面积500平方呎。', 'HK'],
    ['行政院会今日通过115年度总预算,主计总处表示岁出增加。', 'TW'],
    ['经济部与国发会召开会议,立委质询。', 'TW'],
  ])('%s → %s', (text, region) => {
    expect(chooseRegion(text, 'traditional').region).toBe(region);
  });
});

describe('more units and measure words', () => {
  it.each<[string, Row[]]>([
    ['新建住宅约4200万平方呎', [['4200万平方呎', 'QUANTITY', { value: 42_000_000, unit: 'ft2', approx: true }]]],
    ['货轮航速降至 4.5 节', [['4.5 节', 'QUANTITY', { value: 4.5, unit: 'kn' }]]],
    ['设计时速80公里/小时', [['80公里/小时', 'QUANTITY', { value: 80, unit: 'km/h' }]]],
    ['疫苗年产能12亿剂,累计接种5.6万剂次', [
      ['12亿剂', 'QUANTITY', { value: 1_200_000_000, unit: '剂' }],
      ['5.6万剂次', 'QUANTITY', { value: 56_000, unit: '剂次' }],
    ]],
    ['31岁的工程师', [['31岁', 'QUANTITY', { value: 31, unit: '岁' }]]],
    ['赴全国15城招商', [['15城', 'QUANTITY', { value: 15, unit: '城' }]]],
    ['项目分两期建设', [['两期', 'QUANTITY', { value: 2, unit: '期' }]]],
  ])('%s', (text, rows) => {
    expect(found(text)).toEqual(rows);
  });
  it.each(['春节假期', '第三节课', '15城市', '岁月', '剂量', '三期工程'])('%s: no quantity', (text) => {
    expect(found(text).filter((r) => r[1] === 'QUANTITY')).toEqual([]);
  });
});

describe('Hong Kong cents and numbers listed before a percentage', () => {
  it.each<[string, Region, Row[]]>([
    ['每股派息22仙,全年派61仙。', 'HK', [['22仙', 'MONEY', { amount: 0.22, currency: 'HKD' }], ['61仙', 'MONEY', { amount: 0.61, currency: 'HKD' }]]],
    ['八仙过海', 'CN', []],
    ['增速分别回落2.6、0.9个百分点', 'CN', [
      ['2.6', 'PERCENT', { value: 2.6, unit: 'percentage_point' }],
      ['0.9个百分点', 'PERCENT', { value: 0.9, unit: 'percentage_point' }],
    ]],
    ['三项指标分别增长5.1、6.2和7.3%', 'CN', [['三项', 'QUANTITY', { value: 3, unit: '项' }], ['5.1', 'PERCENT', { value: 5.1 }], ['6.2', 'PERCENT', { value: 6.2 }], ['7.3%', 'PERCENT', { value: 7.3 }]]],
    ['同比增长3,达到5%', 'CN', [['5%', 'PERCENT', { value: 5 }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
});

describe('groups of three digits separated by a space (Hong Kong print)', () => {
  it.each<[string, Region, Row[]]>([
    ['申请约4 900宗', 'HK', [['4 900宗', 'QUANTITY', { value: 4900, unit: '宗', approx: true }]]],
    ['另有12 345 678元', 'HK', [['12 345 678元', 'MONEY', { amount: 12_345_678, currency: 'HKD' }]]],
    ['2024 100人', 'HK', [['100人', 'QUANTITY', { value: 100, unit: '人' }]]],
    ['排第3 12个', 'HK', [['12个', 'QUANTITY', { value: 12, unit: '个' }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
});

describe('bare amounts whose currency is clear', () => {
  it.each<[string, Region, Row[]]>([
    ['新区700亿投资、56个项目落户', 'CN', [['700亿', 'MONEY', { amount: 70_000_000_000, currency: 'CNY' }], ['56个', 'QUANTITY', { value: 56, unit: '个' }]]],
    ['经济总量跨越110万亿、120万亿元', 'CN', [
      ['110万亿', 'MONEY', { amount: 110_000_000_000_000, currency: 'CNY' }],
      ['120万亿元', 'MONEY', { amount: 120_000_000_000_000, currency: 'CNY' }],
    ]],
    ['料日均赌收10.5亿', 'MO', [['10.5亿', 'MONEY', { amount: 1_050_000_000, currency: 'MOP' }]]],
    ['每年收支3400万', 'CN', [['3400万', 'MONEY', { amount: 34_000_000, currency: 'CNY' }]]],
    ['14亿中国人', 'CN', []],
    ['立法会通过逾1777亿拨款', 'HK', [['1777亿', 'MONEY', { amount: 177_700_000_000, currency: 'HKD', approx: true }]]],
    ['电影可以破2,000万票房', 'HK', [['2,000万', 'MONEY', { amount: 20_000_000, currency: 'HKD' }]]],
    ['当天成交45余亿', 'CN', [['45余亿', 'MONEY', { amount: 4_500_000_000, currency: 'CNY', approx: true }]]],
    ['成交3亿股', 'CN', [['3亿股', 'QUANTITY', { value: 300_000_000, unit: '股' }]]],
    // a change or a cause right after the amount ends its phrase where a money word stands in the clause
    ['首季赌税101亿按年增15.8%', 'MO', [['101亿', 'MONEY', { amount: 10_100_000_000, currency: 'MOP' }], ['15.8%', 'PERCENT', { value: 15.8 }]]],
    ['全天成交额达到87.3亿天量', 'CN', [['87.3亿', 'MONEY', { amount: 8_730_000_000, currency: 'CNY' }]]],
    ['旅客人数4亿同比增5%', 'CN', [['5%', 'PERCENT', { value: 5 }]]],
    ['资本收入减少约60亿所致', 'MO', []],
    ['执行率两成一', 'MO', [['两成一', 'PERCENT', { value: 21 }]]],
    // a dash after a closing bracket joins two amounts: no minus sign
    ['回购金额3000万元(含)-3500万元(含)', 'CN', [['3000万元', 'MONEY', { amount: 30_000_000, currency: 'CNY' }], ['3500万元', 'MONEY', { amount: 35_000_000, currency: 'CNY' }]]],
    // Taiwan's townships and lines named by a numeral and a measure word are places
    ['途经五股、泰山，六家支线停驶', 'TW', []],
    ['收购五股股份', 'CN', [['五股', 'QUANTITY', { value: 5, unit: '股' }]]],
    // a ten right after a hundred (`九百十七`), a Latin unit after a spaced magnitude, a flat's sale in Hong Kong
    ['总预算五十七亿四千九百十七万五千元', 'TW', [['五十七亿四千九百十七万五千元', 'MONEY', { amount: 5_749_175_000, currency: 'TWD' }]]],
    ['集装箱吞吐量1632.8 万 TEU，同比', 'CN', [['1632.8 万 TEU', 'QUANTITY', { value: 16_328_000, unit: 'TEU' }]]],
    ['以1180万沽出，原价515万买入', 'HK', [['1180万', 'MONEY', { amount: 11_800_000, currency: 'HKD' }], ['515万', 'MONEY', { amount: 5_150_000, currency: 'HKD' }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
});

describe('unit symbols and Hong Kong housing units', () => {
  it.each<[string, Region, Row[]]>([
    ['面积12325.04㎡', 'CN', [['12325.04㎡', 'QUANTITY', { value: 12325.04, unit: 'm2' }]]],
    ['提供1,300伙单位', 'HK', [['1,300伙', 'QUANTITY', { value: 1300, unit: '伙' }]]],
    ['一伙人合伙经营', 'CN', []],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
});

describe('index points and board lots (QUANTITY: a count or measure with its unit word)', () => {
  it.each<[string, Region, Row[]]>([
    ['恒指收报25894点，升178点', 'HK', [['25894点', 'QUANTITY', { value: 25894, unit: '点' }], ['178点', 'QUANTITY', { value: 178, unit: '点' }]]],
    ['上证指数收报3300.25点', 'CN', [['3300.25点', 'QUANTITY', { value: 3300.25, unit: '点' }]]],
    ['台股加权指数收23000点，成交量5万6688张', 'TW', [['23000点', 'QUANTITY', { value: 23000, unit: '点' }], ['5万6688张', 'QUANTITY', { value: 56688, unit: '张' }]]],
    // a time of day, or no index in the sentence: no point
    ['港股下午3点收市', 'HK', []],
    ['会议提出三点意见，3点半开会', 'CN', []],
    ['一手中签率为五成，每手500股', 'HK', [['一手', 'QUANTITY', { value: 1, unit: '手' }], ['五成', 'PERCENT', { value: 50 }], ['500股', 'QUANTITY', { value: 500, unit: '股' }]]],
    ['他一手打造了公司，买了二手房', 'CN', []],
    ['上证指数盘中突破4000点整数关口', 'CN', [['4000点', 'QUANTITY', { value: 4000, unit: '点' }]]],
    // durations are no counts
    ['审讯约 7 个月，连涨165个交易日', 'HK', []],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it('in an article about a stock index, a level of 100 points or more needs no index in its sentence', () => {
    const text = '后来有股民从4000点空仓到5000点，下午3点收工';
    const rows = (market: boolean) => findAmounts(text, 'CN', { market }).map((m) => text.slice(m.start, m.end));
    expect(rows(true)).toEqual(['4000点', '5000点']);
    expect(rows(false)).toEqual([]);
  });
});

describe('Taiwan print numerals: 廿 卅 卌, positional digits after a magnitude, a shared 百分之', () => {
  it.each<[string, Region, Row[]]>([
    ['入园人数达卅五点三万人次', 'TW', [['卅五点三万人次', 'QUANTITY', { value: 353_000, unit: '人次' }]]],
    ['订单年增百分之廿五点一', 'TW', [['百分之廿五点一', 'PERCENT', { value: 25.1 }]]],
    ['高铁疏运六十四万五三一四人次', 'TW', [['六十四万五三一四人次', 'QUANTITY', { value: 645_314, unit: '人次' }]]],
    ['捷运载客八十四万三○九六人次', 'TW', [['八十四万三○九六人次', 'QUANTITY', { value: 843_096, unit: '人次' }]]],
    ['客运量成长百分之一二五', 'TW', [['百分之一二五', 'PERCENT', { value: 125 }]]],
    ['游客七十三点三万人次', 'TW', [['七十三点三万人次', 'QUANTITY', { value: 733_000, unit: '人次' }]]],
    ['补助卌万元', 'TW', [['卌万元', 'MONEY', { amount: 400_000, currency: 'TWD' }]]],
    ['预估年增百分之廿七点六至卅一点四', 'TW', [['百分之廿七点六至卅一点四', 'PERCENT', { value: 27.6, value_max: 31.4 }]]],
    ['营收增长百分之十五至二十五', 'CN', [['百分之十五至二十五', 'PERCENT', { value: 15, value_max: 25 }]]],
    ['年薪十二万三千元', 'CN', [['十二万三千元', 'MONEY', { amount: 123_000, currency: 'CNY' }]]],
    ['奖金两万二元', 'CN', [['两万二元', 'MONEY', { amount: 22_000, currency: 'CNY' }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it.each(['百分之五至十年间', '美国二三二条款的调查', '依232条款加征关税'])('%s: no range of percents, no count of 条款', (text) => {
    expect(found(text, 'TW').filter((r) => r[0].includes('至') || r[0].includes('条'))).toEqual([]);
  });
});

describe('parseNumber: sections below a magnitude', () => {
  it.each<[string, number]>([
    ['三万五', 35_000], // one digit after a magnitude is the next place down, as speakers say it
    ['两亿三', 230_000_000],
    ['十二万三', 123_000],
    ['六十四万五三一四', 645_314],
    ['一万零五', 10_005],
    ['五十二万六三七二', 526_372],
    ['廿七点六', 27.6],
    ['卅万', 300_000],
  ])('%s = %d', (s, v) => {
    expect(parseNumber(s)?.value).toBe(v);
  });
  it('two positional digits below a magnitude are no number (`三万五六` is loose)', () => {
    expect(parseNumber('三万五六')?.value).not.toBe(30_056);
  });
});

describe('a verb of spending before a bare 亿 amount', () => {
  it.each<[string, Region, Row[]]>([
    ['明年另编42亿进行改建', 'TW', [['42亿', 'MONEY', { amount: 4_200_000_000, currency: 'TWD' }]]],
    ['集团斥资5亿收购工厂', 'CN', [['5亿', 'MONEY', { amount: 500_000_000, currency: 'CNY' }]]],
    ['岁入岁出短差183亿多', 'TW', [['183亿多', 'MONEY', { amount: 18_300_000_000, currency: 'TWD', approx: true }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it.each(['全省14亿人口', '编号3亿开头'])('%s: not money', (text) => {
    expect(found(text).filter((r) => r[1] === 'MONEY')).toEqual([]);
  });
});

describe('signed figures and Hong Kong cents', () => {
  it.each<[string, Region, Row[]]>([
    ['份额同比+13.2%，另一家同比-6.6%', 'CN', [['+13.2%', 'PERCENT', { value: 13.2 }], ['-6.6%', 'PERCENT', { value: -6.6 }]]],
    ['净利润-86.18亿元', 'CN', [['-86.18亿元', 'MONEY', { amount: -8_618_000_000, currency: 'CNY' }]]],
    ['每基金单位分派137.45港仙', 'CN', [['137.45港仙', 'MONEY', { amount: 1.3745, currency: 'HKD' }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it.each(['5G+工业互联网增长', '型号A-12', '2023-2024年'])('%s: no sign glued to what comes before', (text) => {
    expect(found(text).filter((r) => /^[-+]/.test(r[0]))).toEqual([]);
  });
});

describe('numbers of congresses and sessions are no counts', () => {
  it('十四届全国人大二次会议, 十九届三中全会; but 连任三届, 召开三次会议', () => {
    expect(found('十四届全国人大二次会议开幕，十九届三中全会召开，县十九届人大三次会议。他连任三届，共召开三次会议。').map((r) => r[0])).toEqual(['三届', '三次']);
  });
});

describe('a note that the amounts are in one currency (`（人民币，下同）`)', () => {
  it('names the currency', () => {
    expect(noteCurrency('股东应占利润702.75亿元(人民币,下同)')).toBe('CNY');
    expect(noteCurrency('营收（港元，下同）')).toBe('HKD');
    expect(noteCurrency('营收702.75亿元')).toBeUndefined();
  });
  it('a bare 元 takes it, whatever the region', () => {
    const text = '股东应占利润702.75亿元(人民币,下同)，每股盈利3.29元，派息43港元';
    expect(findAmounts(text, 'HK', { local: 'CNY' }).map((m) => [text.slice(m.start, m.end), (m.value as { currency: string }).currency])).toEqual([
      ['702.75亿元', 'CNY'], ['3.29元', 'CNY'], ['43港元', 'HKD'],
    ]);
  });
});

describe('basis points', () => {
  it.each<[string, Row[]]>([
    ['美联储加息25个基点', [['25个基点', 'PERCENT', { value: 0.25, unit: 'percentage_point' }]]],
    ['累计降息125基点', [['125基点', 'PERCENT', { value: 1.25, unit: 'percentage_point' }]]],
    ['利差收窄50bp', [['50bp', 'PERCENT', { value: 0.5, unit: 'percentage_point' }]]],
  ])('%s', (text, rows) => {
    expect(found(text)).toEqual(rows);
  });
});

describe('percentage points listed with their 个', () => {
  it('扩大0.3个和0.4个百分点: two percentages, no count of 0.3', () => {
    expect(found('涨幅比上月扩大0.3个和0.4个百分点')).toEqual([
      ['0.3个', 'PERCENT', { value: 0.3, unit: 'percentage_point' }], ['0.4个百分点', 'PERCENT', { value: 0.4, unit: 'percentage_point' }],
    ]);
  });
});


describe('fifth-session forms: middle-dot decimals, ranges of tenths, hedged high ends, bare magnitudes in yuan', () => {
  it.each<[string, Region, Row[]]>([
    // Taiwan print with a middle dot between Chinese digits (the normaliser has simplified the text)
    ['订单金额达七四三七·三亿美元，增幅卅七·九%', 'TW', [
      ['七四三七·三亿美元', 'MONEY', { amount: 743_730_000_000, currency: 'USD' }],
      ['卅七·九%', 'PERCENT', { value: 37.9 }],
    ]],
    ['减少八○○·七亿美元', 'TW', [['八○○·七亿美元', 'MONEY', { amount: 80_070_000_000, currency: 'USD' }]]],
    // a range of tenths or discounts scales its low end too
    ['降幅一至三成', 'CN', [['一至三成', 'PERCENT', { value: 10, value_max: 30 }]]],
    ['约2至3成', 'CN', [['2至3成', 'PERCENT', { value: 20, value_max: 30, approx: true }]]],
    // a hedge after the joiner belongs to the range and makes it approximate
    ['售价由150万至约480万元', 'HK', [['150万至约480万元', 'MONEY', { amount: 1_500_000, amount_max: 4_800_000, currency: 'HKD', approx: true }]]],
    ['面积由约26.1平方米至约52.0平方米', 'HK', [['26.1平方米至约52.0平方米', 'QUANTITY', { value: 26.1, value_max: 52, unit: 'm2', approx: true }]]],
    // `个百分比`, a common slip for 百分点
    ['毛利率增加 2.92 个百分比', 'TW', [['2.92 个百分比', 'PERCENT', { value: 2.92, unit: 'percentage_point' }]]],
    // a bare order of magnitude in yuan with a threshold word
    ['研发费用超亿元的公司', 'CN', [['亿元', 'MONEY', { amount: 100_000_000, currency: 'CNY', approx: true }]]],
    ['新开工亿元以上项目', 'CN', [['亿元', 'MONEY', { amount: 100_000_000, currency: 'CNY', approx: true }]]],
    ['千万元及以上项目', 'CN', [['千万元', 'MONEY', { amount: 10_000_000, currency: 'CNY', approx: true }]]],
    // calls and Taiwan's villages and townships counted
    ['连打6通电话，全年11万829通', 'TW', [['6通', 'QUANTITY', { value: 6, unit: '通' }], ['11万829通', 'QUANTITY', { value: 110_829, unit: '通' }]]],
    ['高铁加开3班南下列车', 'TW', [['3班', 'QUANTITY', { value: 3, unit: '班' }]]],
    ['20村里与13乡镇市', 'TW', [['20村里', 'QUANTITY', { value: 20, unit: '村里' }], ['13乡镇市', 'QUANTITY', { value: 13, unit: '乡镇市' }]]],
    // Hong Kong's property sales: what a developer takes in (`套`, `吸金`) is money
    ['新世界首8月沽1500伙 套逾210亿，累吸金46亿', 'HK', [
      ['1500伙', 'QUANTITY', { value: 1500, unit: '伙' }], ['210亿', 'MONEY', { amount: 21_000_000_000, currency: 'HKD', approx: true }], ['46亿', 'MONEY', { amount: 4_600_000_000, currency: 'HKD' }],
    ]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });
  it.each(['亿元项目', '百分比为', '伊隆·马斯克', '设3通道', '2通过审查', '三乡镇', '2025台湾灯会', '省委十三届三次四次全会', '两班倒', '3班级', '439次自强号停驶', '随着75052次中欧班列开出', '第4、5名分别为友达与台积电'])('%s: nothing', (text) => {
    expect(found(text)).toEqual([]);
  });
});
