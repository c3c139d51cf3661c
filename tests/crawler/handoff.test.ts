// The hand-off queue Crawlee takes its requests from: what the dispatcher pushed, in order, a
// reclaimed request again, finished when nothing is pending or in progress, nothing kept once handled.
import { describe, expect, it } from 'vitest';
import { HandoffQueue } from '../../crawler/crawl/handoff.ts';

describe('HandoffQueue', () => {
  it('hands out pushed requests in order and forgets them once handled', async () => {
    const q = new HandoffQueue();
    let pushes = 0;
    q.onPush = () => pushes++;
    q.push({ url: 'https://a.example/', uniqueKey: 'https://a.example/#1', label: 'page' });
    q.push({ url: 'https://b.example/', uniqueKey: 'https://b.example/#2', label: 'feed' });
    expect(pushes).toBe(2);
    expect(await q.isEmpty()).toBe(false);
    const a = await q.fetchNextRequest();
    expect(a?.url).toBe('https://a.example/');
    expect(a?.label).toBe('page');
    const b = await q.fetchNextRequest();
    expect(b?.label).toBe('feed');
    expect(await q.fetchNextRequest()).toBeNull();
    expect(await q.isEmpty()).toBe(true);
    expect(await q.isFinished()).toBe(false); // two in progress
    await q.reclaimRequest(b!);
    expect((await q.fetchNextRequest())?.url).toBe('https://b.example/');
    await q.markRequestHandled(a!);
    await q.markRequestHandled(b!);
    expect(await q.isFinished()).toBe(true);
    expect(await q.handledCount()).toBe(2);
    expect(q.getPendingCount()).toBe(0);
    expect(q.getTotalCount()).toBe(2);
  });

  it('takes requests from Crawlee-style batches too', async () => {
    const q = new HandoffQueue();
    const r = await q.addRequestsBatched(['https://a.example/', { url: 'https://b.example/' }]);
    expect(r.addedRequests).toHaveLength(2);
    const got = [];
    for await (const req of q) got.push(req.url);
    expect(got).toEqual(['https://a.example/', 'https://b.example/']);
  });
});
