// Export (CSV, JSON, Markdown — scoring/'s serialisers, the same columns as the crawler's) and
// import (the crawler's or the extension's JSON/CSV exports, merged by site).
import { candidatesToCsv, candidatesToJson, candidatesToMarkdown, parseCandidates } from '../../scoring/index.ts';
import type { Candidate } from '../../scoring/index.ts';
import { importCandidates, listCandidates, withStoredPages } from './db.ts';

export type ExportFormat = 'csv' | 'json' | 'md';

export interface ExportFile {
  text: string;
  filename: string;
  mime: string;
}

export interface ExportOptions {
  now?: Date;
  top?: number;
  /** Roundup year in the Markdown title (default: the year of `now`). */
  year?: number;
  /** Markdown: the shortlisted sites too, marked (the CLI's --with-shortlist). */
  withShortlist?: boolean;
}

export function exportFile(candidates: Candidate[], format: ExportFormat, opts: ExportOptions = {}): ExportFile {
  const now = opts.now ?? new Date();
  const stamp = now.toISOString().slice(0, 10);
  switch (format) {
    case 'csv':
      // candidatesToCsv starts with a BOM so spreadsheet apps read UTF-8; parseCandidates strips it.
      return { text: candidatesToCsv(candidates, { top: opts.top }), filename: `mentor-radar-${stamp}.csv`, mime: 'text/csv;charset=utf-8' };
    case 'json':
      return { text: candidatesToJson(candidates, now.toISOString(), { top: opts.top }), filename: `mentor-radar-${stamp}.json`, mime: 'application/json' };
    case 'md':
      return {
        // The CLI's `export --format md --year Y [--with-shortlist]`: the same function, the same options.
        text: candidatesToMarkdown(candidates, { top: opts.top, year: opts.year ?? now.getUTCFullYear(), withShortlist: opts.withShortlist === true }),
        filename: `mentor-radar-roundup-${opts.year ?? now.getUTCFullYear()}.md`,
        mime: 'text/markdown;charset=utf-8',
      };
  }
}

/** Save a file through a Blob URL and `<a download>` (no `downloads` permission needed). */
export function downloadFile(doc: Document, file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export everything stored, in `format`, and start the download. Returns what was saved. */
export async function exportStored(doc: Document, format: ExportFormat, opts: ExportOptions = {}): Promise<ExportFile & { count: number }> {
  const listed = await listCandidates();
  // JSON carries each site's pages (what its score is computed from); CSV and Markdown do not need them.
  const all = format === 'json' ? await withStoredPages(listed) : listed;
  const file = exportFile(all, format, opts);
  downloadFile(doc, file);
  return { ...file, count: opts.top ? Math.min(opts.top, all.length) : all.length };
}

/** An import that changed nothing; `message` is for the curator. */
export class ImportFailed extends Error {
  override name = 'ImportFailed';
}

export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

export interface ImportResult {
  added: number;
  merged: number;
  total: number;
}

/** Parse (all or nothing) and merge by site. A bad file throws ImportFailed and changes nothing. */
export async function importText(text: string, name = 'the file', now: Date = new Date()): Promise<ImportResult> {
  let list: Candidate[];
  try {
    list = parseCandidates(text, now.toISOString());
  } catch (e) {
    throw new ImportFailed(`Could not import ${name}: ${(e as Error).message}. Nothing was changed.`);
  }
  if (list.length === 0) throw new ImportFailed(`Could not import ${name}: it holds no candidates. Nothing was changed.`);
  try {
    const { added, merged } = await importCandidates(list);
    return { added, merged, total: list.length };
  } catch (e) {
    const err = e as Error;
    if (err.name === 'DbQuotaError') throw err;
    throw new ImportFailed(`Could not import ${name}: ${err.message}. Nothing was changed.`);
  }
}

export async function importFile(file: File, now: Date = new Date()): Promise<ImportResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportFailed(`Could not import ${file.name}: it is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Nothing was changed.`);
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    throw new ImportFailed(`Could not read ${file.name}: ${(e as Error).message}. Nothing was changed.`);
  }
  return importText(text, file.name, now);
}

export function describeImport(r: ImportResult): string {
  return `Imported ${r.total} ${r.total === 1 ? 'candidate' : 'candidates'}: ${r.added} new, ${r.merged} merged with existing ones.`;
}
