/**
 * Every amount form of the contract (shared/ANNOTATION.md, eval/news/README.md), alone and
 * inside sentences, with its span and value. Sentences are our own.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseRegion, findAmounts, type AmountMention, type Region } from '../../../src/pipeline/recognise/amounts/index.js';

type Row = [string, AmountMention['type'], AmountMention['value']];
function found(text: string, region: Region = 'CN'): Row[] {
  return findAmounts(text, region).map((m) => [text.slice(m.start, m.end), m.type, m.value]);
}

/** [text, region, expected mentions] */
type Case = [string, Region, Row[]];

describe('PERCENT forms', () => {
  it.each<Case>([
    ['提高3个百分点', 'CN', [['3个百分点', 'PERCENT', { value: 3, unit: 'percentage_point' }]]],
    ['失业率回落0.8个百分点', 'CN', [['0.8个百分点', 'PERCENT', { value: 0.8, unit: 'percentage_point' }]]],
    ['二十五个百分点', 'CN', [['二十五个百分点', 'PERCENT', { value: 25, unit: 'percentage_point' }]]],
    ['比上月高出1.2百分点', 'CN', [['1.2百分点', 'PERCENT', { value: 1.2, unit: 'percentage_point' }]]],
    ['收窄1至2个百分点', 'CN', [['1至2个百分点', 'PERCENT', { value: 1, value_max: 2, unit: 'percentage_point' }]]],
    ['四成', 'CN', [['四成', 'PERCENT', { value: 40 }]]],
    ['出口占八成三', 'CN', [['八成三', 'PERCENT', { value: 83 }]]],
    ['约两成半的家庭', 'CN', [['两成半', 'PERCENT', { value: 25, approx: true }]]],
    ['出口占7成4，7成5万人', 'TW', [['7成4', 'PERCENT', { value: 74 }], ['7成', 'PERCENT', { value: 70 }], ['5万人', 'QUANTITY', { value: 50_000, unit: '人' }]]],
    ['九成五的受访者表示满意', 'CN', [['九成五', 'PERCENT', { value: 95 }]]],
    ['全场商品打八折', 'CN', [['八折', 'PERCENT', { value: 80 }]]],
    ['门票六五折优惠', 'CN', [['六五折', 'PERCENT', { value: 65 }]]],
    ['会员价格7.5折', 'CN', [['7.5折', 'PERCENT', { value: 75 }]]],
    ['儿童票半价', 'CN', [['半价', 'PERCENT', { value: 50 }]]],
    ['股价飙逾半成,成交跌半成', 'HK', [['半成', 'PERCENT', { value: 5, approx: true }], ['半成', 'PERCENT', { value: 5 }]]],
    ['半成品仓库完成半成交易', 'CN', []],
    ['入住率约七、八成,三四成的企业', 'TW', [['七、八成', 'PERCENT', { value: 70, value_max: 80, approx: true }], ['三四成', 'PERCENT', { value: 30, value_max: 40 }]]],
    ['以87票同意通过,10亿票房', 'TW', [['87票', 'QUANTITY', { value: 87, unit: '票' }], ['10亿', 'MONEY', { amount: 1_000_000_000, currency: 'TWD' }]]],
    ['年雨量介乎2,000至2,600毫米', 'HK', [['2,000至2,600毫米', 'QUANTITY', { value: 2000, value_max: 2600, unit: 'mm' }]]],
    ['黄埔花园11期9座极高层单位,碧海蓝天6座高层D室,兴建3座大楼', 'HK', [['3座', 'QUANTITY', { value: 3, unit: '座' }]]],
    ['香港七人榄球赛开锣,七人获奖', 'HK', [['七人', 'QUANTITY', { value: 7, unit: '人' }]]],
    ['车流约64,000双向车次,买了三双鞋', 'HK', [['三双', 'QUANTITY', { value: 3, unit: '双' }]]],
    ['四大银行减息0.25厘,最优惠利率下调0.125厘至5厘,减12.5点子', 'HK', [
      ['0.25厘', 'PERCENT', { value: 0.25, unit: 'percentage_point' }], ['0.125厘', 'PERCENT', { value: 0.125, unit: 'percentage_point' }],
      ['5厘', 'PERCENT', { value: 5 }], ['12.5点子', 'PERCENT', { value: 0.125, unit: 'percentage_point' }],
    ]],
    ['渣行亦宣布调低最优惠利率0.125厘,投资者眼中的4.6厘高回报', 'HK', [['0.125厘', 'PERCENT', { value: 0.125, unit: 'percentage_point' }], ['4.6厘', 'PERCENT', { value: 4.6 }]]],
    ['最优惠利率为3.75厘至4.00厘,长5厘米', 'HK', [['3.75厘至4.00厘', 'PERCENT', { value: 3.75, value_max: 4 }], ['5厘米', 'QUANTITY', { value: 5, unit: 'cm' }]]],
    ['农业损失达3.5亿,损失3万头猪', 'TW', [['3.5亿', 'MONEY', { amount: 350_000_000, currency: 'TWD' }], ['3万头', 'QUANTITY', { value: 30000, unit: '头' }]]],
    ['不良率为2‰', 'CN', [['2‰', 'PERCENT', { value: 0.2 }]]],
    ['千分之三', 'CN', [['千分之三', 'PERCENT', { value: 0.3 }]]],
    ['万分之五的手续费', 'CN', [['万分之五', 'PERCENT', { value: 0.05 }]]],
    ['残留量低于百万分之八', 'CN', [['百万分之八', 'PERCENT', { value: 0.0008 }]]],
    ['占比30%-50%', 'CN', [['30%-50%', 'PERCENT', { value: 30, value_max: 50 }]]],
    ['增长15至25%', 'CN', [['15至25%', 'PERCENT', { value: 15, value_max: 25 }]]],
    ['百分之三十至百分之四十', 'CN', [['百分之三十至百分之四十', 'PERCENT', { value: 30, value_max: 40 }]]],
    ['增速为3.5 %', 'CN', [['3.5 %', 'PERCENT', { value: 3.5 }]]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });

  it.each(['一成不变', '八成是假的', '转折点', '一波三折', '固定资产折旧3年', '九折回廊'])('%s: no percent', (text) => {
    expect(found(text).filter((r) => r[1] === 'PERCENT')).toEqual([]);
  });
});

describe('MONEY forms', () => {
  it.each<Case>([
    // currency of a bare 元 by region
    ['票价50元', 'CN', [['50元', 'MONEY', { amount: 50, currency: 'CNY' }]]],
    ['票价50元', 'HK', [['50元', 'MONEY', { amount: 50, currency: 'HKD' }]]],
    ['票价50元', 'TW', [['50元', 'MONEY', { amount: 50, currency: 'TWD' }]]],
    ['票价50元', 'MO', [['50元', 'MONEY', { amount: 50, currency: 'MOP' }]]],
    ['人民币3000元', 'HK', [['人民币3000元', 'MONEY', { amount: 3000, currency: 'CNY' }]]],
    ['新台币逾2.1兆元', 'TW', [['新台币逾2.1兆元', 'MONEY', { amount: 2_100_000_000_000, currency: 'TWD', approx: true }]]],
    ['全年营收1.5兆元', 'TW', [['1.5兆元', 'MONEY', { amount: 1_500_000_000_000, currency: 'TWD' }]]],
    ['两兆元', 'HK', [['两兆元', 'MONEY', { amount: 2_000_000_000_000, currency: 'HKD' }]]],
    // ranges
    ['投资80亿至90亿美元', 'CN', [['80亿至90亿美元', 'MONEY', { amount: 8_000_000_000, currency: 'USD', amount_max: 9_000_000_000 }]]],
    ['每股2.3到2.8元', 'CN', [['2.3到2.8元', 'MONEY', { amount: 2.3, currency: 'CNY', amount_max: 2.8 }]]],
    ['1-2亿元', 'CN', [['1-2亿元', 'MONEY', { amount: 100_000_000, currency: 'CNY', amount_max: 200_000_000 }]]],
    ['预计8至10万元', 'CN', [['8至10万元', 'MONEY', { amount: 80_000, currency: 'CNY', amount_max: 100_000 }]]],
    ['3亿元至5亿元', 'CN', [['3亿元至5亿元', 'MONEY', { amount: 300_000_000, currency: 'CNY', amount_max: 500_000_000 }]]],
    // compound amounts
    ['三元五角', 'CN', [['三元五角', 'MONEY', { amount: 3.5, currency: 'CNY' }]]],
    ['售价12元3角5分', 'CN', [['12元3角5分', 'MONEY', { amount: 12.35, currency: 'CNY' }]]],
    ['四美元又二十美分', 'CN', [['四美元又二十美分', 'MONEY', { amount: 4.2, currency: 'USD' }]]],
    // colloquial units
    ['白菜一斤卖5块5', 'CN', [['5块5', 'MONEY', { amount: 5.5, currency: 'CNY' }]]],
    ['鸡蛋涨到了8块,', 'CN', [['8块', 'MONEY', { amount: 8, currency: 'CNY' }]]],
    ['一根油条3块8毛', 'CN', [['3块8毛', 'MONEY', { amount: 3.8, currency: 'CNY' }]]],
    ['车费5毛钱', 'CN', [['5毛钱', 'MONEY', { amount: 0.5, currency: 'CNY' }]]],
    ['小麦每斤下调3分钱', 'CN', [['3分钱', 'MONEY', { amount: 0.03, currency: 'CNY' }]]],
    ['一碗车仔面卖38蚊', 'HK', [['38蚊', 'MONEY', { amount: 38, currency: 'HKD' }]]],
    ['加价3蚊5毫', 'HK', [['3蚊5毫', 'MONEY', { amount: 3.5, currency: 'HKD' }]]],
    // bare amounts with the currency of the paragraph
    ['营业收入120亿元,净利润12.5亿,同比增长8%。', 'CN', [
      ['120亿元', 'MONEY', { amount: 12_000_000_000, currency: 'CNY' }],
      ['12.5亿', 'MONEY', { amount: 1_250_000_000, currency: 'CNY' }],
      ['8%', 'PERCENT', { value: 8 }],
    ]],
    ['营收达45.6亿,较上年多出3亿港元。', 'HK', [
      ['45.6亿', 'MONEY', { amount: 4_560_000_000, currency: 'HKD' }],
      ['3亿港元', 'MONEY', { amount: 300_000_000, currency: 'HKD' }],
    ]],
    // other currencies
    ['5000卢布', 'CN', [['5000卢布', 'MONEY', { amount: 5000, currency: 'RUB' }]]],
    ['20万韩元', 'CN', [['20万韩元', 'MONEY', { amount: 200_000, currency: 'KRW' }]]],
    ['300新加坡元', 'CN', [['300新加坡元', 'MONEY', { amount: 300, currency: 'SGD' }]]],
    ['1500泰铢', 'CN', [['1500泰铢', 'MONEY', { amount: 1500, currency: 'THB' }]]],
    // dollar signs
    ['售价$25', 'HK', [['$25', 'MONEY', { amount: 25, currency: 'HKD' }]]],
    ['以美元计,售价$25', 'HK', [['$25', 'MONEY', { amount: 25, currency: 'USD' }]]],
    ['HK$120', 'CN', [['HK$120', 'MONEY', { amount: 120, currency: 'HKD' }]]],
    ['NT$300', 'CN', [['NT$300', 'MONEY', { amount: 300, currency: 'TWD' }]]],
    // very large numbers keep their digits
    ['123456789012元', 'CN', [['123456789012元', 'MONEY', { amount: 123_456_789_012, currency: 'CNY' }]]],
    ['一万二千三百四十五亿六千七百八十九万元', 'CN', [['一万二千三百四十五亿六千七百八十九万元', 'MONEY', { amount: 1_234_567_890_000, currency: 'CNY' }]]],
    ['12345.67亿元', 'CN', [['12345.67亿元', 'MONEY', { amount: 1_234_567_000_000, currency: 'CNY' }]]],
  ])('%s (%s)', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });

  it('two amounts in one sentence are two mentions', () => {
    expect(found('一期投资50亿元、二期投资30亿元').map((r) => r[0])).toEqual(['50亿元', '30亿元']);
    expect(found('营收100亿元和利润20亿元').map((r) => r[0])).toEqual(['100亿元', '20亿元']);
    expect(found('分别为3亿元,5亿元').map((r) => r[0])).toEqual(['3亿元', '5亿元']);
  });

  it('is not fooled by 块, 毛 and 分 that are not money', () => {
    expect(found('分成3块地')).toEqual([['3块', 'QUANTITY', { value: 3, unit: '块' }]]);
    expect(found('9时30分')).toEqual([]);
    expect(found('得了95分')).toEqual([]);
    expect(found('100元5分钟')).toEqual([['100元', 'MONEY', { amount: 100, currency: 'CNY' }]]);
    expect(found('蚊子')).toEqual([]);
    expect(found('共有1200万人口,人均3亿')).toEqual([['1200万人', 'QUANTITY', { value: 12_000_000, unit: '人' }]]);
  });
});

describe('QUANTITY forms', () => {
  it.each<Case>([
    ['跑道长800米', 'CN', [['800米', 'QUANTITY', { value: 800, unit: 'm' }]]],
    ['建筑面积3.2万平方米', 'CN', [['3.2万平方米', 'QUANTITY', { value: 32_000, unit: 'm2' }]]],
    ['5斤', 'CN', [['5斤', 'QUANTITY', { value: 5, unit: 'jin' }]]],
    ['全长12公里', 'CN', [['12公里', 'QUANTITY', { value: 12, unit: 'km' }]]],
    ['两公升', 'CN', [['两公升', 'QUANTITY', { value: 2, unit: 'L' }]]],
    ['最低气温零下8摄氏度', 'CN', [['零下8摄氏度', 'QUANTITY', { value: -8, unit: '°C' }]]],
    ['华氏65度', 'CN', [['华氏65度', 'QUANTITY', { value: 65, unit: '°F' }]]],
    ['气温-5℃', 'CN', [['-5℃', 'QUANTITY', { value: -5, unit: '°C' }]]],
    ['最高气温35度', 'CN', [['35度', 'QUANTITY', { value: 35, unit: '°C' }]]],
    ['全年用电量120万度', 'CN', [['120万度', 'QUANTITY', { value: 1_200_000, unit: 'kWh' }]]],
    ['装机容量300万千瓦', 'CN', [['300万千瓦', 'QUANTITY', { value: 3_000_000, unit: 'kW' }]]],
    ['一座50兆瓦的电站', 'CN', [['50兆瓦', 'QUANTITY', { value: 50, unit: 'MW' }]]],
    ['5千米', 'CN', [['5千米', 'QUANTITY', { value: 5, unit: 'km' }]]],
    ['吞吐量2000万标箱', 'CN', [['2000万标箱', 'QUANTITY', { value: 20_000_000, unit: 'TEU' }]]],
    ['日产原油3万桶', 'CN', [['3万桶', 'QUANTITY', { value: 30_000, unit: 'bbl' }]]],
    ['更新设备2万台套', 'CN', [['2万台套', 'QUANTITY', { value: 20_000, unit: '台套' }]]],
    ['生猪出栏600万头', 'CN', [['600万头', 'QUANTITY', { value: 6_000_000, unit: '头' }]]],
    ['新增就业15万人次', 'CN', [['15万人次', 'QUANTITY', { value: 150_000, unit: '人次' }]]],
    ['3至5公里', 'CN', [['3至5公里', 'QUANTITY', { value: 3, unit: 'km', value_max: 5 }]]],
    ['气温18~25℃', 'CN', [['18~25℃', 'QUANTITY', { value: 18, unit: '°C', value_max: 25 }]]],
    ['-3℃至5℃', 'CN', [['-3℃至5℃', 'QUANTITY', { value: -3, unit: '°C', value_max: 5 }]]],
    ['新增六个', 'CN', [['六个', 'QUANTITY', { value: 6, unit: '个' }]]],
    // a Chinese measure word may meet a Latin word; a Latin unit must end its own
    ['18家A股上市车企', 'CN', [['18家', 'QUANTITY', { value: 18, unit: '家' }]]],
    ['发行2.5亿股H股', 'CN', [['2.5亿股', 'QUANTITY', { value: 250_000_000, unit: '股' }]]],
    ['时速80kmh的车', 'CN', []],
    // a label's colon before an amount; not a time or a score
    ['净利润:7,734.86万元', 'CN', [['7,734.86万元', 'MONEY', { amount: 77_348_600, currency: 'CNY' }]]],
    ['比分3:1，10:30开始', 'CN', []],
    ['工程分别支出54亿、53亿及17亿', 'CN', [['54亿', 'MONEY', { amount: 5_400_000_000, currency: 'CNY' }], ['53亿', 'MONEY', { amount: 5_300_000_000, currency: 'CNY' }], ['17亿', 'MONEY', { amount: 1_700_000_000, currency: 'CNY' }]]],
    ['储能6.9吉瓦时', 'CN', [['6.9吉瓦时', 'QUANTITY', { value: 6.9, unit: 'GWh' }]]],
    ['发电量500兆瓦时', 'CN', [['500兆瓦时', 'QUANTITY', { value: 500, unit: 'MWh' }]]],
    ['货柜量1,351万TEU', 'TW', [['1,351万TEU', 'QUANTITY', { value: 13_510_000, unit: 'TEU' }]]],
    // a bare magnitude after a count of people or of visits: 人次, or 人 for a number of people
    ['总诊疗人次达到51.1亿。', 'CN', [['51.1亿', 'QUANTITY', { value: 5_110_000_000, unit: '人次' }]]],
    ['入境旅客人次达逾17.2万，投票人数为131.7万', 'MO', [
      ['17.2万', 'QUANTITY', { value: 172_000, unit: '人次', approx: true }], ['131.7万', 'QUANTITY', { value: 1_317_000, unit: '人' }],
    ]],
  ])('%s', (text, region, rows) => {
    expect(found(text, region)).toEqual(rows);
  });

  it.each([
    ['排名第三', 'ordinals'],
    ['世界500强', 'rankings'],
    ['前5大客户', 'rankings'],
    ['位列榜单86位', 'rankings'],
    ['投资实现两位数增长', 'a number of digits'],
    ['学习二十届二中、三中全会精神', 'a congress\'s term'],
    ['三次产业比达到38:19:41', 'the three sectors'],
    ['包括两部分', 'parts'],
    ['12英寸抛光片项目', 'product sizes'],
    ['国家标准《300mm硅外延片》', 'product sizes'],
    ['3纳米制程量产', 'product sizes'],
    ['12英寸高端模拟集成电路芯片生产线', 'product sizes'],
    ['172次行驶至七堵止，另5805次邮轮式列车停驶，下行自3757次起(善化17:06)', 'train numbers'],
    ['逆行自439次(花莲站19:03)起停驶', 'train numbers'],
    ['排名较去年提升1位', 'rankings'],
    ['名列全省第3名', 'rankings'],
    ['贵州茅台(600519)', 'stock codes'],
    ['股票代码600519.SH', 'stock codes'],
    ['联系电话13912345678', 'phone numbers'],
    ['电话:0731-88881234', 'phone numbers'],
    ['3年疫情期间', 'durations'],
    ['未来5年', 'durations'],
    ['工期18个月', 'durations'],
    ['工期不得超过二百七十个工作天', 'durations'],
    ['游客达10万元消费', 'a magnitude inside a longer amount'],
    ['全市人口1400万', 'a population is no count of visits'],
    ['角度30度', 'angles'],
  ])('%s: no quantity (%s)', (text) => {
    expect(found(text).filter((r) => r[1] === 'QUANTITY')).toEqual([]);
  });

  it('a count of people in 位 is still a quantity', () => {
    expect(found('5位专家出席，排名提升2位')).toEqual([['5位', 'QUANTITY', { value: 5, unit: '位' }]]);
  });
});

describe('a currency word before an amount that names its own', () => {
  it('is not part of it: 换算美元约191亿美元', () => {
    expect(found('全年营收换算美元约191亿美元', 'TW')).toEqual([['191亿美元', 'MONEY', { amount: 19_100_000_000, currency: 'USD', approx: true }]]);
    expect(found('美元12亿', 'TW')).toEqual([['美元12亿', 'MONEY', { amount: 1_200_000_000, currency: 'USD' }]]);
  });
});

describe('a space after a magnitude ends the number', () => {
  it('获利300亿 台企银: no 300亿 units of 台', () => {
    expect(found('获利300亿 台企银', 'TW').filter((m) => m[1] === 'QUANTITY')).toEqual([]);
    expect(found('300 台设备', 'CN')).toEqual([['300 台', 'QUANTITY', { value: 300, unit: '台' }]]);
  });
});

describe('人民币 written after 元', () => {
  it('is the currency, in a Hong Kong article too', () => {
    expect(found('A股成交2.6万亿元人民币', 'HK')).toEqual([['2.6万亿元人民币', 'MONEY', { amount: 2_600_000_000_000, currency: 'CNY' }]]);
  });
});

describe('region inference', () => {
  it.each<[string, 'simplified' | 'traditional', Region]>([
    ['国务院常务会议决定,安排资金500亿元。', 'simplified', 'CN'],
    ['港股收市,恒指跌200点,成交额1000亿港元。立法会今日讨论。', 'traditional', 'HK'],
    ['台北市政府宣布,新台币100亿元预算。立法院审议。', 'traditional', 'TW'],
    ['澳门特区政府公布,博彩收入按年增长,澳门元计。', 'traditional', 'MO'],
    ['该公司港股上市,募资10亿港元,国务院批准', 'simplified', 'CN'],
    ['今日天氣晴朗。', 'traditional', 'TW'],
    ['湖南株洲市发改委主任介绍,项目投资8000万元。', 'traditional', 'CN'],
    ['两岸交流,台湾方面表示欢迎大陆游客。', 'traditional', 'TW'],
    ['嘉义县消防局第三大队大埔分队新建厅舍,经费3152万元,113年3月开工,大埔乡公所协助,大埔分队', 'traditional', 'TW'],
    // a mainland report on a Hong Kong listing: the market's words do not make simplified text Hong Kong's
    ['美团港股收跌,市值3000亿港元,港交所公告,港元计价,营收918.4亿元', 'simplified', 'CN'],
    // Hong Kong's government and place words still do
    ['特区政府公布,立法会通过,新界及九龙的差饷宽减,本港居民受惠', 'simplified', 'HK'],
    // Cantonese as spoken, and departments only Hong Kong's government has
    ['陈生话佢哋寻日喺度等咗好耐', 'traditional', 'HK'],
    ['劳工及福利局与社署推出一户一社工服务', 'traditional', 'HK'],
    // a mainland county's story in traditional script: the counties and cities it writes out say mainland
    ['上杭县是革命老区,连续三年入围百强县,龙岩市支持上杭县工业园区建设,投资10亿元', 'traditional', 'CN'],
    // an A-share results story reposted in traditional script: 同比 and the report's words say mainland
    ['伊利股份发布年报,实现营收1261.79亿元,同比增长2.4%,归属上市公司净利润104.29亿元,同比增长10.6%', 'traditional', 'CN'],
    // Taiwan's counties are not the mainland's
    ['嘉义县与云林县合作,彰化县投资10亿元', 'traditional', 'TW'],
    // a Hong Kong story that names two mainland cities stays Hong Kong's
    ['特区政府与深圳市、东莞市合作,立法会通过拨款,港元计价', 'traditional', 'HK'],
    // the two special administrative regions' shared words (特区, 行政长官, 特首, 立法会) leave the choice to the words
    // only one of them uses: Macao's chief executive and self-reference, Hong Kong's
    ['特区2025/2026年司法年度开幕典礼周二举行,行政长官岑浩辉致辞,特首冀司法成为本澳繁荣稳定的基石', 'traditional', 'MO'],
    ['行政长官李家超在立法会发表施政报告,特区政府将增加公屋供应', 'traditional', 'HK'],
    ['保安司司长黄少泽表示,法案获立法会通过,不影响本澳正常对外交流', 'traditional', 'MO'],
  ])('%s → %s', (text, script, region) => {
    const r = chooseRegion(text, script);
    expect(r.region).toBe(region);
    expect(r.reason.length).toBeGreaterThan(0);
  });

  it('a stated region wins', () => {
    expect(chooseRegion('港元港元港元', 'traditional', 'CN')).toEqual({ region: 'CN', source: 'request', reason: 'stated in the request' });
  });
});

describe('values (property)', () => {
  const pieces = [
    '8000万', '约', '22.8', '%', '‰', '成', '折', '至', '-', '~', '元', '亿', '兆', '美元', '块', '毛', '角', '分', '又', '蚊',
    '个百分点', '百分之', '千分之', '百万分之', '零下', '华氏', '度', '摄氏度', '℃', '米', '平方米', '台(套)', '两', '三', '五',
    '十', '1', '0', '9', '.', ',', '价格', '气温', '营收', '$', 'HK$', '人民币', '新台币', '逾', '。',
  ];
  it('every value is finite, every range has low < high, spans are ordered', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 25 }).map((a) => a.join('')),
        fc.constantFrom<Region>('CN', 'HK', 'TW', 'MO'),
        (text, region) => {
          let last = 0;
          for (const m of findAmounts(text, region)) {
            if (!(m.start >= last && m.start < m.end && m.end <= text.length)) return false;
            last = m.end;
            const v = m.value as { amount?: number; value?: number; amount_max?: number; value_max?: number; currency?: string };
            const lo = v.amount ?? v.value!;
            if (!Number.isFinite(lo)) return false;
            const hi = v.amount_max ?? v.value_max;
            if (hi !== undefined && !(Number.isFinite(hi) && hi > lo)) return false;
            if (m.type === 'MONEY' && !/^[A-Z]{3}$/.test(v.currency!)) return false;
          }
          return true;
        },
      ),
      { numRuns: 3000 },
    );
  });
});
