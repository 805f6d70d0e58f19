import { describe, expect, it } from 'vitest';
import { settleHeap } from '../../src/service/settle-heap.js';

describe('settleHeap', () => {
  it('runs one full collection (the start-up garbage) and says so', () => {
    expect(settleHeap()).toBe(true);
  });
});
