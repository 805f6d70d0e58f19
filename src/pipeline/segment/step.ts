/** The segmentation step: jieba tokens with POS tags over the normalised text. */
import type { Doc } from '../doc.js';
import { segment } from './jieba.js';

export function segmentStep(doc: Doc): void {
  doc.tokens = segment(doc.norm.text);
}
