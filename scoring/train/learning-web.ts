// A labelled web for `npm run eval:learning` (issue 11): sites whose relevance the curator knows and
// the shipped model partly gets wrong. Generated from sentence pools with a seeded PRNG (deterministic):
//   guide       grade 2  mentoring guides in the usual words (the shipped model is right)
//   preceptor   grade 2  nurse preceptorship: mentoring new nurses in the ward's own words (niche
//                        vocabulary: the lexicons hear little of it, the shipped model ranks it low)
//   apprentice  grade 2  trade apprenticeships: the same, on building sites and workshops
//   trading     grade 0  "mentorship" that sells trading courses: mentoring words and the advice's
//                        shape, about money (the shipped model ranks it high)
//   funnel      grade 0  the same for online-business coaching funnels
//   offtopic    grade 0  cooking and gardening (the shipped model is right)

export type WebKind = 'guide' | 'preceptor' | 'apprentice' | 'trading' | 'funnel' | 'offtopic';

export interface WebPage {
  url: string;
  html: string;
}

export interface WebSite {
  site: string;
  kind: WebKind;
  /** 2 = belongs in the roundup, 0 = does not. */
  grade: 0 | 2;
  pages: WebPage[];
}

const POOLS: Record<WebKind, { titles: string[]; sentences: string[] }> = {
  guide: {
    titles: ['Your first meeting as a mentor', 'How to listen to your mentee', 'Setting goals in a mentoring relationship', 'Starting a mentoring program at work', 'Matching mentors and mentees', 'Giving feedback as a new mentor'],
    sentences: [
      'Plan the first meeting with your mentee and agree how often you will meet.',
      'A good mentor listens more than they talk and asks open questions.',
      'Set two or three goals together and write them down after the first meeting.',
      'Keep every promise you make to your mentee, however small.',
      'Give honest feedback, kindly, and ask for feedback on your mentoring too.',
      'Agree on boundaries early: what you will talk about and how to reach each other.',
      'A mentoring program needs a coordinator who recruits and trains the mentors.',
      'Match mentors and mentees on goals and interests, not only on job titles.',
      'Check in with every pair after the first month and again at three months.',
      'Evaluate the program each year and share what you learnt with the mentors.',
      'New mentors worry they have nothing to teach; listening is most of the job.',
      'Meet every two weeks for the first months, then as often as the mentee needs.',
      'Encourage your mentee to find several mentors for different questions.',
      'Close the mentoring relationship on purpose: review the goals and celebrate.',
    ],
  },
  preceptor: {
    titles: ['Precepting your first new graduate nurse', 'The preceptee’s first twelve shifts', 'Competency sign-off on the ward', 'Debriefing after a hard shift', 'Building a preceptorship programme for the unit', 'Preceptor burnout and how to avoid it'],
    sentences: [
      'Preceptorship is how a ward welcomes a newly registered nurse, a kind of mentoring on the floor.',
      'Walk the preceptee through the unit on the first shift: the crash trolley, the handover sheet, the sluice.',
      'Agree the competency booklet with your preceptee before the first shift and sign it off together.',
      'Debrief for ten minutes at the end of every shift: what went well, what felt unsafe, what to practise.',
      'Let the preceptee take one patient, then two, then a full bay as their confidence grows.',
      'Model the drug round out loud so the new nurse hears how you double-check each dose.',
      'Roster the preceptor and preceptee on the same shifts for the first six weeks.',
      'Escalation is learnt by watching: bring the preceptee to every early-warning call.',
      'The ward manager pairs preceptors with newly qualified staff and protects their time.',
      'Reflective practice after a death on the ward helps the preceptee more than any leaflet.',
      'Supernumerary weeks are precious: use them to practise handover and documentation.',
      'Preceptors need their own support, a debrief with the practice educator each month.',
      'Ask the preceptee which tasks still frighten them and plan the next shifts around those.',
      'A clinical supervisor can take over when a preceptor is on nights or on leave.',
    ],
  },
  apprentice: {
    titles: ['Taking on your first apprentice', 'The apprentice’s first week on site', 'Toolbox talks that teach', 'Signing off the apprentice’s logbook', 'Running an apprenticeship scheme in a small firm', 'When an apprentice struggles'],
    sentences: [
      'Taking on an apprentice is mentoring with a trowel in your hand: show, then watch, then let go.',
      'On the first morning walk the apprentice round the site and explain every hazard sign.',
      'Keep a logbook together and sign off each task once the apprentice can do it alone.',
      'Start the day with a toolbox talk and ask the apprentice to lead one by the third month.',
      'Explain why a joint is cut that way, not only how; the reasons stay with them for years.',
      'Give the apprentice a real job of their own on the site by the end of the first month.',
      'The journeyman who trains an apprentice needs time in the schedule for it, not just goodwill.',
      'Visit the college tutor each term so the site work and the course work agree.',
      'Praise good work in front of the crew and correct mistakes one to one at the van.',
      'A struggling apprentice often needs a different pairing on site, not a warning.',
      'Small firms share apprentices across jobs so each one sees plastering, roofing and joinery.',
      'Check the apprentice’s tool kit in the first week and help them buy what is missing.',
      'End each week with five minutes on what they learnt and what they want to try next.',
      'A finished apprenticeship deserves a certificate and a handshake from the whole crew.',
    ],
  },
  trading: {
    titles: ['Join the trading mentorship', 'Meet your trading mentor', 'Set your first profit goal', 'Why every trader needs a mentor', 'Our mentorship program: pricing', 'Mentee wins this month'],
    sentences: [
      'Our mentorship program pairs you with a mentor who trades forex for a living.',
      'Your mentor will listen to your goals and build a trading plan with you at the first meeting.',
      'Every mentee gets weekly calls with a mentor and access to the signals group.',
      'Set your goal for the first month: a funded account and consistent profit.',
      'Our mentors give honest feedback on every trade you post in the mentorship chat.',
      'Mentoring is the fastest way to stop losing money on crypto and options.',
      'A good mentor keeps you accountable to your risk rules and your profit targets.',
      'Join the mentorship today and unlock the strategy our mentors use on the charts.',
      'Mentees who meet their mentor every week double their returns, our members say.',
      'Book a free call with a mentor and ask how the mentorship program works.',
      'The mentorship includes live trading sessions, replays and a private community.',
      'Our mentors started as beginners too; now they mentor hundreds of traders.',
      'Lifetime access to the mentorship costs less than one bad trade.',
      'Start your mentorship journey and learn to read the market like a pro.',
    ],
  },
  funnel: {
    titles: ['Business mentorship for coaches', 'Scale to six figures with a mentor', 'Your first funnel with your mentor', 'Mentorship program: what you get', 'Meet the mentors', 'Client results from the mentorship'],
    sentences: [
      'Our business mentorship helps coaches scale their online offer to six figures.',
      'At the first meeting your mentor maps your funnel and sets your revenue goals.',
      'Mentees get a weekly group call, a mentor on chat and our funnel templates.',
      'Your mentor gives you feedback on your sales page and your launch emails.',
      'A mentoring program like ours is the shortcut every new entrepreneur needs.',
      'Set a goal of ten high-ticket clients and your mentor will hold you to it.',
      'Our mentors have built seven-figure brands and now mentor the next wave.',
      'Join the mentorship and get the ads playbook our mentors use every launch.',
      'Book a strategy call to see if the mentorship program is right for you.',
      'Every mentee gets lifetime access to the mentoring community and replays.',
      'Listen to how our mentees doubled their income in ninety days.',
      'Mentorship spots are limited: apply now before the price goes up.',
      'Your mentor helps you write your offer, price it and sell it on social media.',
      'Mentoring is how we grew our own agency from zero to a full team.',
    ],
  },
  offtopic: {
    titles: ['Slow-cooked tomato sauce', 'Planting garlic in autumn', 'A week of easy dinners', 'Pruning fruit trees', 'Bread with a sourdough starter', 'Keeping basil alive'],
    sentences: [
      'Use ripe tomatoes, garlic, olive oil and fresh basil for the sauce.',
      'Simmer the sauce for forty minutes and season it with salt and pepper.',
      'Plant the garlic cloves pointed end up, a hand apart, in well-drained soil.',
      'Feed the starter twice a day for a week before you bake with it.',
      'Prune apple trees in winter when the branches are bare.',
      'Water basil in the morning and pinch out the flowers as they appear.',
      'Roast the vegetables on a hot tray so they brown instead of steaming.',
      'Mulch the beds in spring to keep the weeds down and the soil moist.',
      'Knead the dough until it is smooth and springs back when pressed.',
      'Store the onions somewhere cool, dry and dark after harvest.',
      'A cast-iron pan holds its heat and gives the bread a good crust.',
      'Thin the carrot seedlings so each root has room to grow.',
      'Freeze the sauce in small portions for quick weeknight dinners.',
      'Compost the kitchen scraps and turn the heap every few weeks.',
    ],
  },
};

const GRADE: Record<WebKind, 0 | 2> = { guide: 2, preceptor: 2, apprentice: 2, trading: 0, funnel: 0, offtopic: 0 };

/** mulberry32: a small seeded PRNG (deterministic across platforms). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(xs: T[], rnd: () => number, n: number): T[] {
  const copy = [...xs];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function page(kind: WebKind, site: string, name: string, i: number, rnd: () => number): WebPage {
  const pool = POOLS[kind];
  const title = pool.titles[i % pool.titles.length];
  const sentences = pick(pool.sentences, rnd, 9 + Math.floor(rnd() * 4));
  const paras: string[] = [];
  for (let k = 0; k < sentences.length; k += 3) paras.push(`<p>${escape(sentences.slice(k, k + 3).join(' '))}</p>`);
  const list = pick(pool.sentences, rnd, 3).map((s) => `<li>${escape(s)}</li>`).join('');
  const day = String(1 + ((i * 5) % 27)).padStart(2, '0');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} – ${escape(name)}</title>
<meta property="og:site_name" content="${escape(name)}"><meta property="article:published_time" content="2026-0${1 + (i % 9)}-${day}T09:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/about">About</a></nav></header><main><article><h1>${escape(title)}</h1>
${paras.join('\n')}<ol>${list}</ol></article></main><footer>© ${escape(name)}</footer></body></html>`;
  return { url: `${site}/posts/${i + 1}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, html };
}

/** `perKind` sites of each kind, `pagesPerSite` pages each; the same seed gives the same web. */
export function learningWeb(opts: { seed?: number; perKind?: Partial<Record<WebKind, number>>; pagesPerSite?: number } = {}): WebSite[] {
  const rnd = prng(opts.seed ?? 1);
  const counts: Record<WebKind, number> = { guide: 8, preceptor: 6, apprentice: 6, trading: 7, funnel: 7, offtopic: 6, ...opts.perKind };
  const sites: WebSite[] = [];
  for (const kind of Object.keys(counts) as WebKind[]) {
    for (let s = 0; s < counts[kind]; s++) {
      const site = `https://${kind}-${s + 1}.example`;
      const name = `${kind[0].toUpperCase()}${kind.slice(1)} ${['North', 'River', 'Oak', 'Harbour', 'Summit', 'Meadow', 'Stone', 'Bright', 'Cedar', 'Vale'][s % 10]} ${s + 1}`;
      const pages = Array.from({ length: opts.pagesPerSite ?? 5 }, (_, i) => page(kind, site, name, i, rnd));
      sites.push({ site, kind, grade: GRADE[kind], pages });
    }
  }
  return sites;
}
