// The dashboard's message line (what just happened, or what went wrong) and the notice to the
// background that stored candidates changed (it refreshes the toolbar badges).
import { browser } from 'wxt/browser';
import { setText } from '../dom.ts';

export class StatusLine {
  constructor(private readonly node: HTMLElement) {}

  say(text: string, kind: 'info' | 'error' = 'info'): void {
    setText(this.node, text);
    this.node.setAttribute('data-kind', kind);
  }

  fail(e: unknown): void {
    const err = e as Error;
    this.say(err?.message ? err.message : String(e), 'error');
  }
}

/** Tell the background that stored candidates changed (fire and forget). */
export function notifyChanged(sites?: string[]): void {
  const msg = sites ? { type: 'candidates-changed', sites } : { type: 'candidates-changed' };
  void Promise.resolve()
    .then(() => browser.runtime.sendMessage(msg))
    .catch(() => undefined);
}
