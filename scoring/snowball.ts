// Two Snowball stemmers written here (algorithms: snowballstem.org, BSD): German, because natural's
// porter_stemmer_de pulls in stopwords-iso (300 KB, every language) through its Stemmer base class,
// which the browser bundle cannot afford; and Danish, which natural lacks (natural's Norwegian
// stemmer conflates fewer Danish forms: see tests/scoring/nlp.test.ts).

const DE_VOWELS = 'aeiouyäöü';
const DA_VOWELS = 'aeiouyæåø';

/** Start of R1 (after the first non-vowel that follows a vowel, at least `min` letters in), and R2. */
function regions(w: string, vowels: string, min: number): [number, number] {
  const after = (from: number) => {
    for (let i = from + 1; i < w.length; i++) if (!vowels.includes(w[i]) && vowels.includes(w[i - 1])) return i + 1;
    return w.length;
  };
  const r1 = after(0);
  return [Math.max(r1, min), after(r1)];
}

const longest = (w: string, suffixes: string[]) => {
  let best = '';
  for (const s of suffixes) if (s.length > best.length && w.endsWith(s)) best = s;
  return best;
};

const DE_S_ENDING = 'bdfghklmnrt';
const DE_ST_ENDING = 'bdfghklmnt';

/** Snowball German stemmer. */
export function stemGerman(word: string): string {
  let w = word.replace(/ß/g, 'ss');
  w = w.replace(/([aeiouyäöü])u(?=[aeiouyäöü])/g, '$1U').replace(/([aeiouyäöü])y(?=[aeiouyäöü])/g, '$1Y');
  const [r1, r2] = regions(w, DE_VOWELS, 3);
  // Step 1
  let s = longest(w, ['em', 'ern', 'er', 'e', 'en', 'es', 's']);
  if (s && w.length - s.length >= r1) {
    if (s === 's') {
      if (DE_S_ENDING.includes(w[w.length - 2] ?? '')) w = w.slice(0, -1);
    } else {
      w = w.slice(0, -s.length);
      if ((s === 'e' || s === 'en' || s === 'es') && w.endsWith('niss')) w = w.slice(0, -1);
    }
  }
  // Step 2
  s = longest(w, ['en', 'er', 'est', 'st']);
  if (s && w.length - s.length >= r1) {
    if (s === 'st') {
      if (DE_ST_ENDING.includes(w[w.length - 3] ?? '') && w.length - 3 >= 3) w = w.slice(0, -2);
    } else w = w.slice(0, -s.length);
  }
  // Step 3: derivational suffixes
  s = longest(w, ['end', 'ung', 'ig', 'ik', 'isch', 'lich', 'heit', 'keit']);
  const inR2 = (suffix: string) => w.length - suffix.length >= r2;
  const inR1 = (suffix: string) => w.length - suffix.length >= r1;
  if (s && inR2(s)) {
    if (s === 'end' || s === 'ung') {
      w = w.slice(0, -s.length);
      if (w.endsWith('ig') && inR2('ig') && !w.endsWith('eig')) w = w.slice(0, -2);
    } else if (s === 'ig' || s === 'ik' || s === 'isch') {
      if (!w.endsWith(`e${s}`)) w = w.slice(0, -s.length);
    } else if (s === 'lich' || s === 'heit') {
      w = w.slice(0, -s.length);
      if ((w.endsWith('er') || w.endsWith('en')) && inR1('er')) w = w.slice(0, -2);
    } else if (s === 'keit') {
      w = w.slice(0, -s.length);
      const t = longest(w, ['lich', 'ig']);
      if (t && inR2(t)) w = w.slice(0, -t.length);
    }
  }
  return w.replace(/U/g, 'u').replace(/Y/g, 'y').replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u');
}

const DA_STEP1 = [
  'hed', 'ethed', 'ered', 'e', 'erede', 'ende', 'erende', 'ene', 'erne', 'ere', 'en', 'heden', 'eren', 'er', 'heder', 'erer', 'heds', 'es', 'endes',
  'erendes', 'enes', 'ernes', 'eres', 'ens', 'hedens', 'erens', 'ers', 'ets', 'erets', 'et', 'eret',
];
const DA_S_ENDING = 'abcdfghjklmnoprtvyzå';

/** Snowball Danish stemmer. */
export function stemDanish(word: string): string {
  let w = word;
  const [r1] = regions(w, DA_VOWELS, 3);
  const inR1 = (suffix: string) => w.length - suffix.length >= r1;
  // Step 1
  const s = longest(w, [...DA_STEP1, 's']);
  if (s && inR1(s)) {
    if (s !== 's') w = w.slice(0, -s.length);
    else if (DA_S_ENDING.includes(w[w.length - 2] ?? '')) w = w.slice(0, -1);
  }
  // Step 2
  const step2 = () => {
    const t = longest(w, ['gd', 'dt', 'gt', 'kt']);
    if (t && inR1(t)) w = w.slice(0, -1);
  };
  step2();
  // Step 3
  if (w.endsWith('igst')) w = w.slice(0, -2);
  const t = longest(w, ['ig', 'lig', 'elig', 'els', 'løst']);
  if (t && inR1(t)) {
    if (t === 'løst') w = w.slice(0, -1);
    else {
      w = w.slice(0, -t.length);
      step2();
    }
  }
  // Step 4: undouble a final consonant in R1
  const n = w.length;
  if (n >= 2 && w.length - 1 >= r1 && w[n - 1] === w[n - 2] && !DA_VOWELS.includes(w[n - 1])) w = w.slice(0, -1);
  return w;
}
