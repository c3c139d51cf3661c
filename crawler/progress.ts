// Live progress on stderr: a line rewritten in place a few times a second on a TTY, a plain
// line every few seconds otherwise.
import type { CrawlReport } from './report.ts';
import { totalErrors } from './report.ts';

export type ProgressMode = 'auto' | 'tty' | 'lines' | 'off';

export function progressLine(r: CrawlReport): string {
  return (
    `pages ${r.pagesFetched}  sites ${r.sites}  relevant ${r.relevantPages}  ` +
    `harvest ${(r.harvestRate * 100).toFixed(0)}%  errors ${totalErrors(r)}  ` +
    `${r.pagesPerSecond.toFixed(1)} pages/s  queued ${r.queued}`
  );
}

export class ProgressDisplay {
  private timer: NodeJS.Timeout | undefined;
  private tty: boolean;
  private lastLen = 0;
  constructor(
    private snapshot: () => CrawlReport,
    mode: ProgressMode,
    private out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = mode === 'tty' || (mode === 'auto' && Boolean(out.isTTY));
    if (mode === 'off') return;
    const every = this.tty ? 250 : 5000;
    this.timer = setInterval(() => this.draw(), every);
    this.timer.unref();
  }

  private draw(): void {
    const line = progressLine(this.snapshot());
    if (this.tty) {
      const pad = Math.max(0, this.lastLen - line.length);
      this.out.write(`\r${line}${' '.repeat(pad)}`);
      this.lastLen = line.length;
    } else {
      this.out.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.tty && this.lastLen) this.out.write(`\r${' '.repeat(this.lastLen)}\r`);
  }
}
