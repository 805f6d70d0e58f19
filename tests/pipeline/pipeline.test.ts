/** The pipeline's shape: one table of entity types everything derives from, and components checked when the pipeline is built. */
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, ENTITY_TYPE_TABLE, NAME_TYPES, isNameType, jiebaPosOf, nameTypeOfLabel } from '../../src/pipeline/entity-types.js';
import { EntityTypeSchema } from '../../src/contract/schemas.js';
import { Pipeline, createPipeline } from '../../src/pipeline/pipeline.js';
import { component } from '../../src/pipeline/component.js';
import { UserDictionary } from '../../src/pipeline/recognise/user-dictionary.js';
import { lexiconEngine } from '../../src/pipeline/recognise/engines/lexicon.js';

describe('the entity-type table', () => {
  it('is the source of the contract enum, the name types, label and POS maps', () => {
    expect(EntityTypeSchema.options).toEqual(Object.keys(ENTITY_TYPE_TABLE));
    expect(ENTITY_TYPES).toEqual(['PERSON', 'LOCATION', 'ORG', 'COMPANY', 'MONEY', 'PERCENT', 'QUANTITY', 'DATE']);
    expect(NAME_TYPES).toEqual(['PERSON', 'LOCATION', 'ORG', 'COMPANY']);
    expect(isNameType('COMPANY')).toBe(true);
    expect(isNameType('DATE')).toBe(false);
    expect(nameTypeOfLabel('gpe')).toBe('LOCATION');
    expect(nameTypeOfLabel('NR')).toBe('PERSON');
    expect(nameTypeOfLabel('MISC')).toBeNull();
    expect(jiebaPosOf('LOCATION')).toBe('ns');
    expect(jiebaPosOf('MONEY')).toBe('nz');
  });
});

describe('createPipeline', () => {
  const engines = new Map([['lexicon', lexiconEngine]]);

  it('builds named components once, in order, and can leave some out by name', () => {
    const p = createPipeline({ engines });
    expect(p.names.slice(0, 6)).toEqual(['normalise', 'dateline', 'structure', 'region', 'segment', 'names']);
    expect(p.names.at(-1)).toBe('link');
    expect(createPipeline({ engines, without: ['refine-propagate'] }).names).not.toContain('refine-propagate');
  });

  it('refuses to leave out a component it does not have (a typo would otherwise measure the whole pipeline)', () => {
    expect(() => createPipeline({ engines, without: ['refine-propagate', 'refine-propagat'] })).toThrow(/no pipeline component refine-propagat \(they are: normalise, /);
  });

  it('refuses a component whose requirement no earlier component assigns', () => {
    const late = component('late', ['entities'], ['mentions'], () => {});
    expect(() => new Pipeline([late], engines, new UserDictionary())).toThrow(/late requires entities/);
  });

  it('keeps per-call options on the Doc and results on it', async () => {
    const doc = await createPipeline({ engines }).run({ text: '株洲市发改委主任刘海宾介绍，今年产值过8000万元。', published: '2023-03-17' }, { engine: 'lexicon', boilerplate: true });
    expect(doc.options).toMatchObject({ engine: 'lexicon', boilerplate: true, tokens: false, region: null });
    expect(Object.isFrozen(doc.options)).toBe(true);
    expect(doc.entities.length).toBeGreaterThan(0);
    expect(doc.mentions.every((m) => m.link?.id && m.link.entity)).toBe(true);
    expect(Object.keys(doc.timings)).toContain('link');
  });
});
