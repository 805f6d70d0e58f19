/**
 * The one table of entity types. Everything that knows about types derives
 * from it: the zod enums of the contract (and so the OpenAPI document the web
 * pages read their type list from), the model's and Hugging Face label maps,
 * jieba's POS tags for dictionary words, the dictionary's and the store's
 * name types. A new type is a new row here.
 */
export interface EntityTypeInfo {
  /** a name (people, places, organisations, companies) or a value (amounts, dates) */
  kind: 'name' | 'value';
  /** Chinese and English labels (the web pages) */
  zh: string;
  en: string;
  /** jieba POS tag for a dictionary word of this type */
  jiebaPos?: string;
  /** entity parts of other corpora's / models' labels that mean this type (upper case: `PER`, `NR`, `GPE`…) */
  labels?: readonly string[];
}

export const ENTITY_TYPE_TABLE = {
  PERSON: { kind: 'name', zh: '人名', en: 'Person', jiebaPos: 'nr', labels: ['PER', 'PERSON', 'NAME', 'NR', 'PEOPLE'] },
  LOCATION: { kind: 'name', zh: '地名', en: 'Place', jiebaPos: 'ns', labels: ['LOC', 'LOCATION', 'GPE', 'NS', 'ADDRESS', 'PLACE', 'FAC'] },
  ORG: { kind: 'name', zh: '机构', en: 'Organisation', jiebaPos: 'nt', labels: ['ORG', 'ORGANIZATION', 'ORGANISATION', 'NT', 'GOVERNMENT', 'NORP_ORG', 'INST'] },
  COMPANY: { kind: 'name', zh: '公司', en: 'Company', jiebaPos: 'nt', labels: ['COMPANY', 'CORP', 'CORPORATION', 'BUSINESS', 'COM'] },
  MONEY: { kind: 'value', zh: '金额', en: 'Money' },
  PERCENT: { kind: 'value', zh: '比例', en: 'Percent' },
  QUANTITY: { kind: 'value', zh: '数量', en: 'Quantity' },
  DATE: { kind: 'value', zh: '日期', en: 'Date' },
} as const satisfies Record<string, EntityTypeInfo>;

export type EntityType = keyof typeof ENTITY_TYPE_TABLE;
type NameOf<K extends EntityType> = (typeof ENTITY_TYPE_TABLE)[K]['kind'] extends 'name' ? K : never;
export type NameType = { [K in EntityType]: NameOf<K> }[EntityType];

export const ENTITY_TYPES = Object.keys(ENTITY_TYPE_TABLE) as [EntityType, ...EntityType[]];
export const NAME_TYPES = ENTITY_TYPES.filter((t) => ENTITY_TYPE_TABLE[t].kind === 'name') as [NameType, ...NameType[]];

const NAME_SET = new Set<string>(NAME_TYPES);
export const isNameType = (t: string): t is NameType => NAME_SET.has(t);

/** jieba POS tag for a dictionary word of type `t` (`nz` for other words). */
export const jiebaPosOf = (t: string): string => (ENTITY_TYPE_TABLE as Record<string, EntityTypeInfo>)[t]?.jiebaPos ?? 'nz';

const BY_LABEL = new Map<string, NameType>();
for (const t of NAME_TYPES) for (const l of ENTITY_TYPE_TABLE[t].labels) BY_LABEL.set(l, t);
/** A label's entity part (`PER`, `GPE`, `ORG`, …, any case) as a name type; null = not one of ours. */
export const nameTypeOfLabel = (label: string): NameType | null => BY_LABEL.get(label.toUpperCase()) ?? null;
