// The dashboard's export buttons (CSV, JSON, Markdown) and its import file input.
import { getSettings, roundupYearOf } from '../settings.ts';
import { describeImport, exportStored, importFile, type ExportFormat } from '../transfer.ts';
import type { StatusLine } from './status.ts';

export interface TransferHooks {
  status: StatusLine;
  /** After a successful import: reload the list. */
  reload(): Promise<void>;
  notify(): void;
}

export async function exportAs(doc: Document, format: ExportFormat, status: StatusLine): Promise<void> {
  try {
    const settings = await getSettings().catch(() => undefined);
    const year = settings ? roundupYearOf(settings) : undefined;
    const file = await exportStored(doc, format, { year });
    status.say(`Exported ${file.count} ${file.count === 1 ? 'candidate' : 'candidates'} to ${file.filename}.`);
  } catch (e) {
    status.fail(e);
  }
}

export function mountTransfer(doc: Document, hooks: TransferHooks): void {
  const byId = (id: string) => doc.getElementById(id) as HTMLElement;
  byId('export-csv').addEventListener('click', () => void exportAs(doc, 'csv', hooks.status));
  byId('export-json').addEventListener('click', () => void exportAs(doc, 'json', hooks.status));
  byId('export-md').addEventListener('click', () => void exportAs(doc, 'md', hooks.status));
  const input = byId('import-file') as HTMLInputElement;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    doc.body.setAttribute('data-state', 'importing');
    hooks.status.say(`Importing ${file.name}…`);
    try {
      const result = await importFile(file);
      await hooks.reload();
      hooks.status.say(describeImport(result));
      hooks.notify();
    } catch (e) {
      hooks.status.fail(e);
    } finally {
      input.value = '';
      doc.body.setAttribute('data-state', 'ready');
    }
  });
}
