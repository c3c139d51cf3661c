// One mentoring site as a crawler and a curator meet it (issue 10's scenario): six pages the
// crawler scored, and one more good page the curator bookmarks. Shared by the scoring, store,
// extension and e2e tests of the merge rule.

const SENTENCES = {
  mentor: [
    'As a new mentor, prepare your first meeting with your mentee and agree on goals for the year.',
    'Listen more than you talk: ask open questions and let your mentee set the pace.',
    'Give specific, honest feedback after each meeting, and ask for feedback in return.',
    'Keep your promises. If you say you will call on Friday, call on Friday.',
    'Meet every two weeks at first, then once a month; keep the meeting cadence steady.',
    'Set boundaries early: what you can help with, how to reach you, and what stays confidential.',
  ],
  program: [
    'To start a mentoring program, write down its purpose and who it serves before recruiting anyone.',
    'The program coordinator recruits mentors, screens them and matches pairs on goals and availability.',
    'Train mentors before the first match: listening, goal setting, boundaries and when to ask for help.',
    'Support the pairs with a monthly check-in and a place to raise problems early.',
    'Evaluate the program every year with a short survey of mentors and mentees.',
  ],
  action: [
    'Download our mentoring program toolkit: a first-meeting checklist, a goal template and an evaluation form.',
    'Step 1: agree on goals. Step 2: set a meeting cadence. Step 3: review progress every quarter.',
  ],
};

interface PageSpec {
  path: string;
  title: string;
  date: string;
  mentor: number[];
  program: number[];
  action: number[];
}

const PAGES: PageSpec[] = [
  { path: '/first-meeting', title: 'Your first meeting as a mentor', date: '2026-03-02', mentor: [0, 1, 4], program: [], action: [1] },
  { path: '/listening', title: 'Listening well', date: '2026-04-14', mentor: [1, 2], program: [], action: [] },
  { path: '/feedback', title: 'Feedback that helps', date: '2026-05-20', mentor: [2, 3, 5], program: [], action: [] },
  { path: '/start-a-program', title: 'Starting a mentoring program', date: '2026-06-11', mentor: [], program: [0, 1, 2], action: [0] },
  { path: '/coordinator', title: 'The program coordinator', date: '2026-07-08', mentor: [], program: [1, 3, 4], action: [] },
  { path: '/about', title: 'About us', date: '2025-11-01', mentor: [], program: [], action: [] },
  // The page the curator bookmarks: a good one the crawl did not reach.
  { path: '/mentor-handbook', title: 'The new mentor handbook', date: '2026-09-15', mentor: [0, 1, 2, 3, 4, 5], program: [2], action: [0, 1] },
];

function html(p: PageSpec): string {
  const pick = (pool: string[], idx: number[]) => idx.map((i) => pool[i]);
  const body = [...pick(SENTENCES.mentor, p.mentor), ...pick(SENTENCES.program, p.program), ...pick(SENTENCES.action, p.action)];
  const paras = body.length
    ? body.map((s) => `<p>${s} ${s}</p>`).join('')
    : '<p>We are a small team of volunteers in Bergen. We run events, write about our work and answer questions by email.</p>'.repeat(3);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${p.title} – Bridgeway Mentors</title></head>
<body><main><article><h1>${p.title}</h1><p class="date">Published <time datetime="${p.date}">${p.date}</time></p>${paras}
<h2>Checklist</h2><ol><li>Agree on goals</li><li>Set a meeting cadence</li><li>Ask for feedback</li></ol></article></main></body></html>`;
}

/** The six pages the crawler scored: path and HTML. */
export const CRAWLED_PAGES: { path: string; html: string }[] = PAGES.slice(0, 6).map((p) => ({ path: p.path, html: html(p) }));

/** The one more good page the curator bookmarks. */
export const BOOKMARKED_PAGE: { path: string; html: string } = { path: PAGES[6].path, html: html(PAGES[6]) };
