/**
 * Progress on stderr: a bar with count, rate and ETA redrawn in place on a
 * terminal; a plain line every few seconds when stderr is not a TTY (logs, CI).
 */
export interface ProgressOptions {
  total: number | null;
  label: string;
  tty?: boolean;
  /** plain-line interval when not a TTY (ms) */
  intervalMs?: number;
  stream?: NodeJS.WritableStream & { columns?: number };
}

export function formatDuration(s: number): string {
  if (!Number.isFinite(s)) return '?';
  s = Math.round(s);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h}h${String(m).padStart(2, '0')}m` : m ? `${m}m${String(sec).padStart(2, '0')}s` : `${sec}s`;
}

export class Progress {
  done = 0;
  failed = 0;
  skipped = 0;
  private readonly start = Date.now();
  private readonly timer: NodeJS.Timeout;
  private readonly tty: boolean;
  private readonly stream: NodeJS.WritableStream & { columns?: number };

  constructor(private readonly opts: ProgressOptions) {
    this.stream = opts.stream ?? process.stderr;
    this.tty = opts.tty ?? Boolean((process.stderr as { isTTY?: boolean }).isTTY);
    this.timer = setInterval(() => this.render(), this.tty ? 200 : (opts.intervalMs ?? 5000));
    this.timer.unref();
  }

  get elapsed(): number {
    return (Date.now() - this.start) / 1000;
  }

  get rate(): number {
    return (this.done + this.failed) / Math.max(this.elapsed, 1e-3);
  }

  line(): string {
    const finished = this.done + this.failed;
    const total = this.opts.total === null ? null : this.opts.total - this.skipped;
    const rate = this.rate;
    const eta = total !== null && rate > 0 ? formatDuration((total - finished) / rate) : '?';
    const count = total !== null ? `${finished}/${total}` : `${finished}`;
    const extra = `${this.failed ? ` ${this.failed} failed` : ''}${this.skipped ? ` ${this.skipped} skipped` : ''}`;
    const stats = `${count} ${rate.toFixed(1)}/s ETA ${eta} elapsed ${formatDuration(this.elapsed)}${extra}`;
    if (!this.tty || total === null) return `${this.opts.label}: ${stats}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - stats.length - this.opts.label.length - 6));
    const filled = total > 0 ? Math.round((finished / total) * width) : width;
    return `${this.opts.label} [${'#'.repeat(filled)}${'-'.repeat(Math.max(0, width - filled))}] ${stats}`;
  }

  render() {
    if (this.tty) this.stream.write(`\r\x1b[2K${this.line()}`);
    else this.stream.write(`${this.line()}\n`);
  }

  stop() {
    clearInterval(this.timer);
    this.render();
    if (this.tty) this.stream.write('\n');
  }
}
