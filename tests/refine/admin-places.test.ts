import { describe, expect, it } from 'vitest';
import { applyAdminPlaces } from '../../src/pipeline/refine/admin-places.js';
import { runSegmented } from './helpers.js';

const run = runSegmented(applyAdminPlaces);

describe('refine-admin-places', () => {
  it('tags a division by its full name where no mention touches it', () => {
    expect(run('发布单位：相山区统计局。相山区上半年经济运行平稳', [['相山区统计局', 'ORG']])).toEqual(['相山区统计局/ORG', '相山区/LOCATION']);
    expect(run('湖南省株洲市醴陵市')).toEqual(['湖南省/LOCATION', '株洲市/LOCATION', '醴陵市/LOCATION']);
  });
  it("a country's name the model took for a person is the country (瑙鲁总统); a person is not", () => {
    expect(run('将播出对瑙鲁总统阿迪昂的专访', [['瑙鲁', 'PERSON'], ['阿迪昂', 'PERSON']])).toEqual(['瑙鲁/LOCATION', '阿迪昂/PERSON']);
  });
  it('tags a world region by its name as a whole token (北美, 东南亚)', () => {
    expect(run('受惠北美云端服务需求，东南亚市场')).toEqual(['北美/LOCATION', '东南亚/LOCATION']);
  });
  it('no country inside a listed name written around it (视觉中国), but in 中国银行业, where the listed 中国银行 ends inside a word', () => {
    expect(run('（视觉中国）')).toEqual([]);
    expect(run('自中国银行业监管机构核准之日起')).toEqual(['中国/LOCATION']);
  });
  it('tags a country by its name as a whole token (西班牙, 英国 before Latin), not inside a longer word (中国人)', () => {
    expect(run('已与西班牙（自动化）；捷克（无人机）合作，与英国Q5D合作。中国人')).toEqual(['西班牙/LOCATION', '捷克/LOCATION', '英国/LOCATION']);
  });
  it("tags a county's or district's short form where the article gives its full name (长武县 … 长武), also inside an organisation's name", () => {
    expect(run('长武县公安局发布通告。长武半程马拉松举行', [['长武县公安局', 'ORG']])).toEqual(['长武县公安局/ORG', '长武/LOCATION']);
    expect(run('开福区召开大会，开福将加快发展', [['开福区', 'LOCATION']])).toEqual(['开福区/LOCATION', '开福/LOCATION']);
    expect(run('长武半程马拉松举行')).toEqual([]);
  });
  it('leaves short forms, ordinary words and other mentions alone', () => {
    expect(run('株洲很美，城市发展，市区交通')).toEqual([]);
    expect(run('株洲市政府表态', [['株洲市政府', 'ORG']])).toEqual(['株洲市政府/ORG']);
  });
});
