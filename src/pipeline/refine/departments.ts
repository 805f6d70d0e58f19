/**
 * A department named after its ministry or bureau is one ORG with it (ANNOTATION.md: government bodies and
 * departments with a name in them): `国家统计局` + `城市司`, `财政部` + `统计处`, `卫福部` + `食药署`, `经济部` +
 * `技术司`, `文化和旅游部` + `数据中心`, a legislature's committee (`立法会` + `财务委员会`, `立法院` + `财政委员会`), a
 * government's bureau (`台中市政府` + `地政局`). The department's own name is two to six characters ending in a unit word
 * and ends at a token boundary, so a verb after the body (`…局依法处理`, `…部署`) is never read as one.
 */
import type { Doc } from '../doc.js';
import { component } from '../component.js';
import { Claims } from './util.js';

/** What a ministry, bureau or commission's name ends with. */
const BODY_END = /(?:部|局|委|署|厅|委员会|立法会|议会|立法院|政府|县府|市府)$/;
/** A government's own bureaus after its name (`台中市政府` + `地政局`, `屏东县政府` + `民政处`). */
const GOVERNMENT_BUREAU = /^(\p{Script=Han}{2,6}?)局(?![长理罚置分于在以有得名法令])/u;
/** A department's name after it: two to six characters and a unit word (not a title: `司长`, `处长`, `署长`). */
const DEPARTMENT = /^(\p{Script=Han}{2,6}?)((?<!公)司|处|署|厅|中心|办公室|委员会)(?![长理罚置分于在以有得名法令])/u;
/** Words that join clauses or bodies (`…局随后与港铁公司`): no department's name holds them. */
const JOINER = /[与和及并随后同跟向对把被从由为的是在]/;
/** Words that begin a clause, not a department's name (`…部表示`, `…局近日`, `…委将…`). */
const NOT_A_NAME = /^(?:依法|正在|已经|已|将|也|还|近日|今日|日前|昨日|今年|去年|对|向|在|于|和|与|及|等|的|发布|表示|介绍|指出|公布|相关|有关|下属|所属|联合|会同|牵头|负责|主管|派出|专门|设立|成立|组织|召开|举办|印发|出台|官网|网站|数据显示)/;

export function tagDepartments(doc: Doc): void {
  const text = doc.norm.text;
  const claims = new Claims(doc);
  const boundaryAt = (p: number) => !doc.tokenCovering(p - 1, p + 1);
  for (const m of doc.mentions) {
    if (m.type !== 'ORG' || !claims.has(m) || !BODY_END.test(text.slice(m.start, m.end))) continue;
    const after = text.slice(m.end, m.end + 10);
    const d = DEPARTMENT.exec(after) ?? (/府$/.test(text.slice(m.start, m.end)) ? GOVERNMENT_BUREAU.exec(after) : null);
    if (!d || NOT_A_NAME.test(d[1]) || JOINER.test(d[1]) || !boundaryAt(m.end + d[0].length) || !doc.inContent(m.start)) continue;
    // (only the body's own mentions are replaced: never a company or a place named after it)
    claims.claim(m.start, m.end + d[0].length, 'ORG', 'refine-departments', (o) => o.type === 'ORG');
  }
  claims.done();
}

export const departmentsComponent = component('refine-departments', ['mentions', 'tokens'], ['mentions'], tagDepartments);
