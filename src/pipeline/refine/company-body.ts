/**
 * A party committee or board of a company tags the company only
 * (`宁德时代董事会` → `宁德时代`, `中国石化党组` → `中国石化`): a name
 * mention ending in a company body whose stem is a company (a COMPANY mention
 * elsewhere in the article, or a name ending like one: `…银行…分行`,
 * `…公司`) is cut to the stem and typed COMPANY. A department after a
 * company's legal name (`…货运公司海运部`) is cut the same way, and so is a
 * site of a company (`唯品会华东运营总部`, `友达光电新产线`, `特斯拉德国工厂`
 * → the company): after a region or an ordinal always, otherwise when the
 * stem is a company the article or the company lists know.
 */
import type { Doc, NormMention } from '../doc.js';
import { component } from '../component.js';
import { COMPANY_BODIES, COMPANY_END } from '../lang/zh/words.js';
import { isName, replaceMentions } from './util.js';
import { typeOfName } from './companies.js';

const BOARDS = new Set(['董事会', '董事局', '监事会', '股东大会']);
/** (a bank's department, not its card centre: `民生银行信用卡中心` is a business of its own) */
const DEPARTMENT = /(公司|集团)([\u4e00-\u9fff]{1,4}(?:部|处|中心))$|(银行)([\u4e00-\u9fff]{1,4}(?:部|处))$/;
/** A site after a company's name: (region | ordinal)? (function)? site word. */
const SITE = /(华东|华南|华北|华中|西南|西北|东北|中国区|中国|亚太|全球|欧洲|德国|美国|第[一二三四五六七八九十\d]+)?((?:运营|研发|结算|销售|生产|制造|采购分拨|分拨|数字化转型运营)(?:总部|中心|基地)|总部|(?:新|超级)?工厂|(?:新)?(?:产线|生产线)|(?:生产|制造|研发)?基地)$/;

export function cutCompanyBodies(doc: Doc): void {
  const text = doc.norm.text;
  const companies = new Set(doc.mentions.filter((m) => m.type === 'COMPANY').map((m) => text.slice(m.start, m.end)));
  for (const m of doc.mentions as NormMention[]) {
    if (!isName(m) || m.type === 'PERSON' || m.type === 'LOCATION') continue;
    const name = text.slice(m.start, m.end);
    const body = COMPANY_BODIES.find((b) => name.endsWith(b) && name.length > b.length + 1);
    let stem: string | null = null;
    if (body) {
      const s = name.slice(0, -body.length);
      // boards and shareholders' meetings only companies have; a party committee needs a company stem
      if (BOARDS.has(body) || companies.has(s) || COMPANY_END.test(s) || m.type === 'COMPANY') stem = s;
    } else {
      const d = DEPARTMENT.exec(name);
      if (d) stem = name.slice(0, -(d[2] ?? d[4]).length);
      const site = !d && m.type === 'COMPANY' ? SITE.exec(name) : null;
      if (site && site.index >= 2) {
        const s = name.slice(0, site.index);
        if (site[1] || companies.has(s) || typeOfName(s) === 'COMPANY') stem = s;
      }
    }
    if (!stem) continue;
    m.end = m.start + stem.length;
    m.type = 'COMPANY';
  }
  splitInstitutes(doc);
}

/** A company's legal name and an institute of it written together (`航天科技集团有限公司航天推进技术研究院`): the company and the institute (ORG). */
const INSTITUTE_AFTER = /(有限公司|有限责任公司|集团公司)(\p{Script=Han}{3,14}(?:研究院|研究所|设计院|学院|大学|医院))$/u;

function splitInstitutes(doc: Doc): void {
  const text = doc.norm.text;
  replaceMentions(doc, (m) => {
    if (m.type !== 'COMPANY' && m.type !== 'ORG') return null;
    const x = INSTITUTE_AFTER.exec(text.slice(m.start, m.end));
    if (!x || x.index < 2) return null;
    const cut = m.start + x.index + x[1].length;
    return [{ ...m, end: cut, type: 'COMPANY' }, { ...m, start: cut, type: 'ORG' }];
  });
}

export const companyBodyComponent = component('refine-company-body', ['mentions'], ['mentions'], cutCompanyBodies);
