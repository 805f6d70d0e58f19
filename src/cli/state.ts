/**
 * Resume state: the keys of the items already done, one per line, appended
 * as they finish (`<input>.progress` by default). A run after Ctrl-C (or a
 * crash) skips them; failed items are not recorded, so they are tried again.
 * Removed when a run finishes with no failures.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, openSync, closeSync } from 'node:fs';

export class ResumeState {
  readonly done: Set<string>;
  private fd: number | null = null;

  constructor(
    readonly file: string | null,
    restart = false,
  ) {
    this.done = new Set();
    if (!file) return;
    if (restart) rmSync(file, { force: true });
    else if (existsSync(file)) {
      for (const k of readFileSync(file, 'utf8').split('\n')) if (k) this.done.add(k);
    }
  }

  has(key: string) {
    return this.done.has(key);
  }

  add(key: string) {
    this.done.add(key);
    if (!this.file) return;
    this.fd ??= openSync(this.file, 'a');
    appendFileSync(this.fd, key + '\n');
  }

  close(removeFile: boolean) {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    if (removeFile && this.file) rmSync(this.file, { force: true });
  }
}
