/**
 * A pipeline component: one named step over the Doc, built once by its
 * factory with its own configuration and state. `requires` and `assigns`
 * name the Doc fields it reads and writes; `createPipeline` checks that every
 * requirement is assigned by an earlier component.
 */
import type { Doc } from './doc.js';

export interface Component {
  readonly name: string;
  readonly requires: readonly string[];
  readonly assigns: readonly string[];
  run(doc: Doc): void | Promise<void>;
}

/** A component from a plain function. */
export function component(name: string, requires: readonly string[], assigns: readonly string[], run: (doc: Doc) => void | Promise<void>): Component {
  return { name, requires, assigns, run };
}
