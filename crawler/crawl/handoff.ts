// Crawlee's request manager slot, filled by a hand-off queue: the frontier decides what is
// fetched, so Crawlee only ever holds the few requests the dispatcher handed it right now, and
// forgets each one once handled. (Crawlee's own RequestQueue keeps every request it was ever
// given and scans all of them for the next one: its cost grew with the pages crawled.)
import { Request, type AddRequestsBatchedResult, type IRequestManager, type RequestQueueOperationInfo, type RequestsLike, type Source } from '@crawlee/cheerio';

export class HandoffQueue implements IRequestManager {
  private pending: Request[] = [];
  private inProgress = 0;
  private handled = 0;
  private total = 0;
  /** Called after a request is handed over (Crawlee's pool checks for work only every few ms otherwise). */
  onPush: (() => void) | undefined;

  /** Hands Crawlee one request (the dispatcher's only way in). */
  push(source: Source | string): RequestQueueOperationInfo {
    const request = source instanceof Request ? source : new Request(typeof source === 'string' ? { url: source } : (source as ConstructorParameters<typeof Request>[0]));
    request.id ??= request.uniqueKey;
    this.pending.push(request);
    this.total++;
    this.onPush?.();
    return { requestId: request.uniqueKey, uniqueKey: request.uniqueKey, wasAlreadyPresent: false, wasAlreadyHandled: false, forefront: false };
  }

  async isFinished(): Promise<boolean> {
    return this.pending.length === 0 && this.inProgress === 0;
  }

  async isEmpty(): Promise<boolean> {
    return this.pending.length === 0;
  }

  async handledCount(): Promise<number> {
    return this.handled;
  }

  getTotalCount(): number {
    return this.total;
  }

  getPendingCount(): number {
    return this.pending.length + this.inProgress;
  }

  async fetchNextRequest<T extends Record<string, unknown> = Record<string, unknown>>(): Promise<Request<T> | null> {
    const next = this.pending.shift();
    if (!next) return null;
    this.inProgress++;
    return next as unknown as Request<T>;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Request> {
    for (;;) {
      const r = await this.fetchNextRequest();
      if (!r) return;
      yield r;
    }
  }

  async markRequestHandled(request: Request): Promise<RequestQueueOperationInfo> {
    this.inProgress = Math.max(0, this.inProgress - 1);
    this.handled++;
    return { requestId: request.uniqueKey, uniqueKey: request.uniqueKey, wasAlreadyPresent: true, wasAlreadyHandled: true, forefront: false };
  }

  async reclaimRequest(request: Request): Promise<RequestQueueOperationInfo> {
    this.inProgress = Math.max(0, this.inProgress - 1);
    this.pending.push(request);
    return { requestId: request.uniqueKey, uniqueKey: request.uniqueKey, wasAlreadyPresent: true, wasAlreadyHandled: false, forefront: false };
  }

  async addRequest(source: Source): Promise<RequestQueueOperationInfo> {
    return this.push(source);
  }

  async addRequestsBatched(requests: RequestsLike): Promise<AddRequestsBatchedResult> {
    const added = [];
    for await (const r of requests) {
      const info = this.push(r);
      added.push({ uniqueKey: info.uniqueKey, requestId: info.requestId, wasAlreadyPresent: false, wasAlreadyHandled: false });
    }
    return { addedRequests: added, waitForAllRequestsToBeAdded: Promise.resolve([]) };
  }
}
