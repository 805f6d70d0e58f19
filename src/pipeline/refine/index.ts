/**
 * The refine components, between recognition (names, amounts, dates, resolve,
 * dictionary) and the response (short-forms, link). Each is one rule, kept
 * because it raised the news-dev names F1 (README.md has the measurements).
 */
import type { Component } from '../component.js';
import { symbolsComponent } from './symbols.js';
import { fusedAbbreviationComponent, genericComponent } from './generic.js';
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
 * Not wired: `abbreviationComponent` (generic.ts, fused one-character
 * abbreviations) gains 2.4 points on news-dev but costs MSRA dev 3.5 (MSRA
 * tags `中`/`美` in `中美关系`); see README.md.
 */
export function refineComponents(): Component[] {
  return [symbolsComponent, latinComponent, boundaryComponent, localPlacesComponent, adminPlacesComponent, roadsComponent, regionsComponent, placeSuffixComponent, genericComponent, fusedAbbreviationComponent, companyBodyComponent, companiesComponent, mediaComponent, listsComponent, departmentsComponent, propagateComponent];
}
