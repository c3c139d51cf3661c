// The dispatcher's host schedule: the free host with the best queued entry first, busy hosts
// left out until released, hosts in their politeness delay back when it is over; and picking
// does not look at every known host.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Frontier } from '../../crawler/frontier/frontier.ts';
import { Politeness } from '../../crawler/net/politeness.ts';
import { HostSchedule } from '../../crawler/crawl/host-schedule.ts';
import { openStore, type Store } from '../../crawler/store/index.ts';

let store: Store;
let frontier: Frontier;
beforeEach(() => {
  store = openStore(':memory:');
  frontier = new Frontier(store);
});
afterEach(() => store.close());

const add = (host: string, path: string, priority: number) =>
  frontier.add({ url: `https://${host}${path}`, site: host, origin: `https://${host}`, priority, hops: 0, kind: 'page' });

describe('HostSchedule', () => {
  it('gives the free host whose best entry is the best, then the next', () => {
    add('a.example', '/1', 1);
    add('b.example', '/1', 3);
    add('c.example', '/1', 2);
    add('a.example', '/2', 5); // a's best is now 5
    const politeness = new Politeness(0);
    const schedule = new HostSchedule(frontier, politeness);
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      const origin = schedule.next(1000);
      order.push(origin);
      if (origin) politeness.acquire(origin); // dispatched: busy until released
    }
    expect(order).toEqual(['https://a.example', 'https://b.example', 'https://c.example', undefined]);
  });

  it('leaves a busy host out until released, then waits out its delay', () => {
    add('a.example', '/1', 2);
    add('a.example', '/2', 1);
    add('b.example', '/1', 1.5);
    const politeness = new Politeness(1000);
    const schedule = new HostSchedule(frontier, politeness);
    expect(schedule.next(0)).toBe('https://a.example');
    politeness.acquire('https://a.example');
    frontier.take('https://a.example');
    expect(schedule.next(0)).toBe('https://b.example');
    politeness.acquire('https://b.example');
    frontier.take('https://b.example');
    politeness.release('https://a.example', 10);
    schedule.released('https://a.example');
    expect(schedule.next(500)).toBeUndefined(); // a is in its 1 s delay
    expect(schedule.nextWake()).toBe(1010);
    expect(schedule.next(1010)).toBe('https://a.example');
  });

  it('re-ranks a host whose queue gets a better entry, and drops hosts left empty', () => {
    add('a.example', '/1', 1);
    add('b.example', '/1', 2);
    const politeness = new Politeness(0);
    const schedule = new HostSchedule(frontier, politeness);
    add('a.example', '/2', 9);
    frontier.dropOrigin('https://b.example');
    expect(schedule.next(0)).toBe('https://a.example');
    politeness.acquire('https://a.example');
    expect(schedule.next(0)).toBeUndefined();
  });

  it('does not look at every known host to pick the next one', () => {
    for (let i = 0; i < 5000; i++) add(`h${i}.example`, '/', i % 97);
    const politeness = new Politeness(0);
    const schedule = new HostSchedule(frontier, politeness);
    const first = schedule.next(0);
    expect(first).toBeDefined();
    let peeks = 0;
    const peek = frontier.peek.bind(frontier);
    frontier.peek = (origin: string) => (peeks++, peek(origin));
    for (let i = 0; i < 100; i++) {
      const origin = schedule.next(0);
      if (!origin) throw new Error('a host should be free');
      politeness.acquire(origin);
      frontier.take(origin);
      politeness.release(origin, 0);
      schedule.released(origin);
    }
    expect(peeks).toBeLessThan(500); // a scan would be 100 x 5000
  });
});
