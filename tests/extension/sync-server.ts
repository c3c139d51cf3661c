// The crawler's real sync handler (`mentor-radar serve`) on a real SQLite store in a temporary folder,
// listening on 127.0.0.1 (port 0) behind a fresh token: what the extension's sync tests talk to.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSyncServer } from '../../crawler/commands/serve.ts';
import { open } from '../../crawler/commands/db.ts';
import type { Store } from '../../crawler/store/index.ts';
import { newToken } from '../../crawler/sync-token.ts';

export interface SyncServerUnderTest {
  dir: string;
  store: Store;
  server: Server;
  /** http://127.0.0.1:PORT */
  base: string;
  token: string;
  /** Stops the server (open connections too), closes the store and removes the folder. */
  close(): Promise<void>;
}

/** `now` is the server's clock (curation times are clamped to it). */
export async function startSyncServer(now: () => string, prefix = 'mr-ext-sync-'): Promise<SyncServerUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = open(join(dir, 'store.db'));
  const token = newToken();
  const server = createSyncServer({ store, now, token });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    await new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
    store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { dir, store, server, base, token, close };
}
