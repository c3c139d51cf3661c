// `crawl` and `schedule` argument handling, the seeds file, and one real crawl of a tiny
// loopback site through the CLI.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSeedsText } from '../../../crawler/commands/crawl-options.ts';
import { openStore } from '../../../crawler/store/index.ts';
import { expectOneLineError, mentoringHtml, readCandidates, run, tempDir } from './helpers.ts';

const tmp = tempDir();
let server: Server;
let base = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const page = (title: string, links: string[]) =>
      mentoringHtml(title, links.map((l) => `<p><a href="${l}">${l.slice(1)} mentoring guide</a></p>`).join('\n'));
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Mentoring blog home', ['/first-meeting', '/program-toolkit']));
    } else if (req.url === '/first-meeting' || req.url === '/program-toolkit') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(`Mentoring: ${req.url.slice(1)}`, ['/']));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  tmp.cleanup();
});

describe('seeds file', () => {
  it('reads one URL a line with # comments and blank lines', () => {
    const text = '# seeds\n\nhttps://a.example/\n  http://b.example/blog  # inline comment\nhttps://a.example/#frag\n';
    expect(parseSeedsText(text, 'seeds.txt')).toEqual(['https://a.example/', 'http://b.example/blog', 'https://a.example/']);
  });

  it('reports every bad line with its number', () => {
    expect(() => parseSeedsText('https://ok.example/\nnot a url\nftp://x.example/\n# fine\nmailto:a@b.c\nx\ny\n', 'my-seeds.txt')).toThrow(
      /^my-seeds\.txt: not an http\(s\) URL on line 2: "not a url"; line 3: "ftp:\/\/x\.example\/"; line 5: "mailto:a@b\.c"; and 2 more$/,
    );
  });
});

describe('crawl arguments', () => {
  it.each([
    [['crawl'], 2, /give seed URLs, --seeds FILE or --resume/],
    [['crawl', 'example.org'], 2, /not an http\(s\) URL: "example\.org"/],
    [['crawl', 'https://a.example/', '--max-pages', '0'], 2, /--max-pages must be an integer >= 1/],
    [['crawl', 'https://a.example/', '--concurrency', 'lots'], 2, /--concurrency must be an integer 1\.\.256/],
    [['crawl', 'https://a.example/', '--delay', '-5'], 2, /--delay needs a value; for one starting with "-" write --delay=VALUE/],
    [['crawl', 'https://a.example/', '--delay=-5'], 2, /--delay must be an integer 0\.\.600000/],
    [['crawl', 'https://a.example/', '--json=yes'], 2, /--json takes no value/],
    [['crawl', 'https://a.example/', '--depht', '1'], 2, /unknown option --depht/],
    [['crawl', '--seeds', 'missing-seeds.txt'], 1, /no such seeds file: missing-seeds\.txt/],
  ])('%j exits %i with one line', async (argv, code, message) => {
    const r = await run(argv as string[], { cwd: tmp.dir });
    expect(r.code).toBe(code);
    expect(expectOneLineError(r)).toMatch(message);
  });

  it('rejects a seeds file with bad lines, naming them', async () => {
    writeFileSync(join(tmp.dir, 'bad-seeds.txt'), 'https://ok.example/\nwww.nope\n');
    const r = await run(['crawl', '--seeds', 'bad-seeds.txt', '--db', 'x.db'], { cwd: tmp.dir });
    expect(r.code).toBe(1);
    expect(expectOneLineError(r)).toBe('mentor-radar: bad-seeds.txt: not an http(s) URL on line 2: "www.nope"');
  });
});

describe('schedule arguments', () => {
  it('requires a valid --cron expression (exit 2, one line)', async () => {
    const missing = await run(['schedule', 'https://a.example/']);
    expect(missing.code).toBe(2);
    expect(expectOneLineError(missing)).toMatch(/--cron "EXPR" is required/);
    const bad = await run(['schedule', '--cron', '61 * * * *', 'https://a.example/']);
    expect(bad.code).toBe(2);
    expect(expectOneLineError(bad)).toMatch(/bad --cron expression "61 \* \* \* \*": .*minute/);
    const junk = await run(['schedule', '--cron', 'every tuesday']);
    expect(junk.code).toBe(2);
    expectOneLineError(junk);
  });
});

describe('schedule (real, loopback)', () => {
  it('runs one crawl with --now --max-runs 1, logs the report and prints it as a JSON line', async () => {
    const db = join(tmp.dir, 'schedule.db');
    // A yearly cron that will not fire during the test: only the --now run happens.
    const r = await run(['schedule', '--cron', '0 0 1 1 *', '--now', '--max-runs', '1', `${base}/`, '--db', db, '--delay', '0', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]).pagesScored).toBe(3);
    expect(r.stderr).toMatch(/^schedule 0 0 1 1 \*: next run /);
    expect(r.stderr).toMatch(/crawl starting: 1 seed\(s\)/);
    expect(r.stderr).toMatch(/schedule stopped after 1 crawl\(s\)\n$/);
    expect(readCandidates(db)).toHaveLength(1);
  });

  it('stops on the signal with exit 0', async () => {
    const controller = new AbortController();
    const done = run(['schedule', '--cron', '0 0 1 1 *', '--db', join(tmp.dir, 'idle.db')], { signal: controller.signal });
    controller.abort();
    const r = await done;
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/schedule stopped after 0 crawl\(s\)/);
  });
});

describe('crawl (real, loopback)', () => {
  it('crawls a tiny site, prints the JSON report and stores the candidate', async () => {
    const db = join(tmp.dir, 'crawl.db');
    requests.length = 0;
    writeFileSync(join(tmp.dir, 'seeds.txt'), `# the loopback site\n${base}/\n`);
    const r = await run(['crawl', '--seeds', 'seeds.txt', '--db', 'crawl.db', '--delay', '0', '--max-pages', '10', '--json'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.pagesScored).toBe(3);
    expect(report.sites).toBe(1);
    expect(report.interrupted).toBe(false);
    expect(typeof report.harvestRate).toBe('number');
    const cands = readCandidates(db);
    expect(cands.map((c) => c.site)).toEqual([new URL(base).host]);
    expect(cands[0].sources).toEqual(['crawl']);
    // The crawl recorded this year's snapshot for next year's movers.
    const store = openStore(db);
    expect(store.snapshot(new Date().getUTCFullYear()).get(new URL(base).host)).toBe(cands[0].siteScore.score);
    store.close();
    expect(requests.filter((u) => u === '/first-meeting')).toHaveLength(1);
  });

  it('stops cleanly when aborted and says how to resume', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await run(['crawl', `${base}/`, '--db', join(tmp.dir, 'aborted.db'), '--delay', '0'], { signal: controller.signal });
    expect(r.code).toBe(130);
    expect(r.stdout).toMatch(/interrupted/);
    expect(expectOneLineError(r)).toMatch(/--resume/);
  });
});
