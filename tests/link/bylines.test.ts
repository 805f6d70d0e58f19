import { describe, expect, it } from 'vitest';
import { Doc, type EntityType, type NormMention } from '../../src/pipeline/doc.js';
import { linkEntities } from '../../src/pipeline/link/entities.js';
import { findBylines } from '../../src/pipeline/link/bylines.js';
import { normalise } from '../../src/pipeline/normalise/index.js';
import { paragraphs } from '../../src/pipeline/structure/paragraphs.js';
import { sentences } from '../../src/pipeline/structure/sentences.js';

function docWith(text: string, spans: [string, EntityType][]): Doc {
  const doc = new Doc(text);
  normalise(doc);
  paragraphs(doc);
  sentences(doc);
  let from = 0;
  doc.mentions = spans.map(([s, type]) => {
    const at = doc.norm.text.indexOf(s, from);
    if (at < 0) throw new Error(`${s} not in text`);
    from = at + s.length;
    return { start: at, end: at + s.length, type, score: 0.9, source: 'test' } as NormMention;
  });
  return doc;
}

const credited = (d: Doc) => [...findBylines(d)].map(([m, c]) => `${d.norm.text.slice(m.start, m.end)}:${c.title}`);

describe('bylines', () => {
  it('finds reporters, correspondents, photographers and editors', () => {
    const d = docWith('湘北晨报融媒体记者 周文彬 通讯员 邓雅琪\n（记者 孙立群 摄）\n责任编辑：郝晓峰\n文/韩梅 图/陆小川', [
      ['周文彬', 'PERSON'], ['邓雅琪', 'PERSON'], ['孙立群', 'PERSON'], ['郝晓峰', 'PERSON'], ['韩梅', 'PERSON'], ['陆小川', 'PERSON'],
    ]);
    expect(credited(d)).toEqual(['周文彬:记者', '邓雅琪:通讯员', '孙立群:记者', '郝晓峰:责任编辑', '韩梅:文', '陆小川:图']);
  });
  it('a second name of the same credit line, and a photo credit after the name', () => {
    const d = docWith('本报记者 柳青 贺明远\n石磊 摄', [['柳青', 'PERSON'], ['贺明远', 'PERSON'], ['石磊', 'PERSON']]);
    expect(credited(d)).toEqual(['柳青:记者', '贺明远:记者', '石磊:摄影']);
  });
  it('people in the story are not credits', () => {
    const d = docWith('董事长邹国栋表示，文化产业园明年开园。王建华摄制了纪录片。', [['邹国栋', 'PERSON'], ['王建华', 'PERSON']]);
    expect(credited(d)).toEqual([]);
  });
  it('a byline-only person gets salience 0 and the credit as role; one also in the story keeps a salience', () => {
    const d = docWith('记者 周文彬 通讯员 邓雅琪\n邹国栋在会上说，邓雅琪也参加了调研。\n邹国栋强调要抓落实。', [
      ['周文彬', 'PERSON'], ['邓雅琪', 'PERSON'], ['邹国栋', 'PERSON'], ['邓雅琪', 'PERSON'], ['邹国栋', 'PERSON'],
    ]);
    linkEntities(d);
    const by = Object.fromEntries(d.entities.map((e) => [e.name, e]));
    expect(by['周文彬'].salience).toBe(0);
    expect(by['周文彬'].role?.title).toBe('记者');
    expect(by['邓雅琪'].salience).toBeGreaterThan(0);
    expect(by['邹国栋'].salience).toBeGreaterThan(0);
  });
});

describe('credit lines', () => {
  it('names only in a caption keep a salience; the outlet of a byline does not', () => {
    const d = docWith('▲市长罗振华出席签约仪式。（图／记者 孙立群 摄）\n东湖日报／ 记者 柳青／江城报道\n签约仪式在江城举行。', [
      ['罗振华', 'PERSON'], ['孙立群', 'PERSON'], ['东湖日报', 'ORG'], ['柳青', 'PERSON'], ['江城', 'LOCATION'], ['江城', 'LOCATION'],
    ]);
    linkEntities(d);
    const by = Object.fromEntries(d.entities.map((e) => [e.name, e.salience]));
    expect(by['罗振华']).toBeGreaterThan(0);
    expect(by['孙立群']).toBe(0);
    expect(by['东湖日报']).toBe(0);
    expect(by['柳青']).toBe(0);
    expect(by['江城']).toBeGreaterThan(0);
  });
});
