// Test helpers for the CLI: run main() in-process with captured output, temp dirs, stores
// filled with real scored candidates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../crawler/cli.ts';
import type { Io } from '../../../crawler/cli.ts';
import { openStore } from '../../../crawler/store/index.ts';
import { newCandidate, scorePage, scoreSite } from '../../../scoring/index.ts';
import type { Candidate } from '../../../scoring/index.ts';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function captureIo(over: Partial<Io> = {}): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    env: {},
    cwd: process.cwd(),
    columns: 120,
    isTTY: false,
    ...over,
  };
  return { io, out: () => out, err: () => err };
}

export async function run(argv: string[], over: Partial<Io> = {}): Promise<RunResult> {
  const { io, out, err } = captureIo(over);
  const code = await main(argv, io);
  return { code, stdout: out(), stderr: err() };
}

/** A failure is exactly one line on stderr, `mentor-radar: ...`, and no stack trace. */
export function expectOneLineError(r: RunResult): string {
  const lines = r.stderr.split('\n').filter(Boolean);
  if (lines.length !== 1 || !lines[0].startsWith('mentor-radar: ') || /\bat .+:\d+:\d+/.test(r.stderr)) {
    throw new Error(`expected one error line, got ${JSON.stringify(r.stderr)}`);
  }
  return lines[0];
}

export function tempDir(prefix = 'mr-cli-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function mentoringHtml(title: string, extra = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><article>
<h1>${title}</h1>
<p>Mentoring a new mentee starts with the first meeting. As a mentor, listen more than you talk, agree on goals, and meet every two weeks.</p>
<p>Good mentors keep their promises, give honest feedback, and set boundaries. A mentoring program needs a coordinator who recruits and matches mentors and mentees, trains mentors, and evaluates the program.</p>
<ol><li>Plan the first meeting</li><li>Set goals together</li><li>Review progress every month</li></ol>
${extra}
</article></main></body></html>`;
}

export function candidate(url: string, title: string, at = '2026-03-01T00:00:00.000Z'): Candidate {
  const page = scorePage({ url, html: mentoringHtml(title) });
  return newCandidate(scoreSite([page]), 'crawl', at);
}

/** A real SQLite store with these candidates in it; returns the db path. */
export function seedStore(path: string, candidates: Candidate[]): string {
  const store = openStore(path);
  try {
    for (const c of candidates) store.upsertCandidate(c);
  } finally {
    store.close();
  }
  return path;
}

export function readCandidates(path: string): Candidate[] {
  const store = openStore(path);
  try {
    return store.listCandidates();
  } finally {
    store.close();
  }
}
