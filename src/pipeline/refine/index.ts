/**
 * The refine components, between recognition (names, amounts, dates, resolve,
 * dictionary) and the response (short-forms, link). Each is one rule, kept
 * because it raised the news-dev names F1 (README.md has the measurements).
 */
import type { Component } from '../component.js';
import { symbolsComponent } from './symbols.js';
import { abbreviationComponent, fusedAbbreviationComponent, genericComponent } from './generic.js';
import { placeSuffixComponent } from './place-suffix.js';
import { companyBodyComponent } from './company-body.js';
import { propagateComponent } from './propagate.js';
import { companiesComponent } from './companies.js';
import { regionsComponent } from './regions.js';
import { mediaComponent } from './media.js';
import { latinComponent } from './latin.js';
import { boundaryComponent } from './boundary.js';
import { localPlacesComponent } from './local-places.js';
import { adminPlacesComponent } from './admin-places.js';
import { roadsComponent } from './roads.js';
import { listsComponent } from './lists.js';
import { departmentsComponent } from './departments.js';

/**
 * `abbreviationComponent` (generic.ts: every fused one-character abbreviation, `美伊战争`, `来华`, `对韩出超`) was left
 * out while MSRA was scored through these components (MSRA tags `中`/`美` in `中美关系`: MSRA dev −3.5); since 0.5.1
 * MSRA is scored through its own head without them, and news dev gains (README.md).
 */
export function refineComponents(): Component[] {
  return [symbolsComponent, latinComponent, boundaryComponent, localPlacesComponent, adminPlacesComponent, roadsComponent, regionsComponent, placeSuffixComponent, genericComponent, fusedAbbreviationComponent, abbreviationComponent, companyBodyComponent, companiesComponent, mediaComponent, listsComponent, departmentsComponent, propagateComponent];
}
