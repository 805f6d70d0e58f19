import { describe, expect, it } from 'vitest';
import { tagDepartments } from '../../src/pipeline/refine/departments.js';
import { docWith, shown } from './helpers.js';

describe('refine-departments', () => {
  it('a department named after its ministry or bureau is one ORG with it', () => {
    const d = docWith('据农业部统计处资料，省卫健委疾控处和海关总署缉私局均表示', [['农业部', 'ORG'], ['省卫健委', 'ORG'], ['海关总署', 'ORG']]);
    tagDepartments(d);
    expect(shown(d)).toEqual(['农业部统计处/ORG', '省卫健委疾控处/ORG', '海关总署/ORG']);
  });
  it("a legislature's committee is one ORG with it", () => {
    const d = docWith('须提交立法会财务委员会审批，立法院财政委员会审查，立法会表示', [['立法会', 'ORG'], ['立法院', 'ORG'], ['立法会', 'ORG', 20]]);
    tagDepartments(d);
    expect(shown(d)).toEqual(['立法会财务委员会/ORG', '立法院财政委员会/ORG', '立法会/ORG']);
  });
  it("a government's bureau is one ORG with it", () => {
    const d = docWith('台中市政府地政局表示，屏东县政府民政处同意', [['台中市政府', 'ORG'], ['屏东县政府', 'ORG']]);
    tagDepartments(d);
    expect(shown(d)).toEqual(['台中市政府地政局/ORG', '屏东县政府民政处/ORG']);
  });
  it('is not a verb, a title, a clause or another name after the body', () => {
    const text = '市监局依法处理。财政部部署工作，交通部副部长到场，统计局随后与港铁公司会面，商务部新闻发言人表示';
    const d = docWith(text, [['市监局', 'ORG'], ['财政部', 'ORG'], ['交通部', 'ORG'], ['统计局', 'ORG'], ['港铁公司', 'COMPANY'], ['商务部', 'ORG']]);
    tagDepartments(d);
    expect(shown(d)).toEqual(['市监局/ORG', '财政部/ORG', '交通部/ORG', '统计局/ORG', '港铁公司/COMPANY', '商务部/ORG']);
  });
});
