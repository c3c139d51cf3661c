// `npm run eval:lang`: our language detector beside the registry's libraries on the labelled sample
// (tests/fixtures/lang/samples.json): accuracy on single paragraphs and on two-paragraph texts,
// CPU time per text and browser bundle size. The libraries are not dependencies: install them
// for the comparison with `npm install --no-save franc@6.2.0 tinyld@1.3.4 eld@2.1.0` (missing
// ones are skipped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { detectLanguage, LANGS } from '../lang.ts';
import { REPO_ROOT } from './corpus.ts';

interface Sample { lang: string; note?: string; text: string }
const { samples } = JSON.parse(readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'lang', 'samples.json'), 'utf8')) as { samples: Sample[] };
const target = new Set<string>(LANGS);
const norm = (l: string) => (l === 'nb' || l === 'nn' ? 'no' : target.has(l) ? l : 'other');
const ISO3: Record<string, string> = { eng: 'en', nob: 'no', nno: 'no', swe: 'sv', dan: 'da', deu: 'de', spa: 'es', fra: 'fr' };

type Detector = { name: string; detect: (t: string) => string; entry: string };
const detectors: Detector[] = [{ name: 'scoring/lang.ts', detect: (t) => norm(detectLanguage(t).lang), entry: "export { detectLanguage } from './scoring/lang.ts';" }];
async function optional(name: string, entry: string, make: (m: Record<string, unknown>) => (t: string) => string): Promise<void> {
  try {
    const mod = (await import(name)) as Record<string, unknown>;
    detectors.push({ name, detect: make(mod), entry });
  } catch {
    console.log(`(${name} not installed: skipped)`);
  }
}
await optional('franc', "export { franc } from 'franc';", (m) => (t) => norm(ISO3[(m.franc as (t: string, o: object) => string)(t, { minLength: 10 })] ?? 'other'));
await optional('tinyld/light', "export { detect } from 'tinyld/light';", (m) => (t) => norm((m.detect as (t: string) => string)(t)));
await optional('eld/extrasmall', "export { eld } from 'eld/extrasmall';", (m) => (t) => norm((m.eld as { detect: (t: string) => { language: string } }).detect(t).language));

const pairs: Sample[] = [];
const byLang = new Map<string, string[]>();
for (const s of samples) byLang.set(s.lang, [...(byLang.get(s.lang) ?? []), s.text]);
for (const [lang, texts] of byLang) for (let i = 0; i + 1 < texts.length; i += 2) pairs.push({ lang, text: `${texts[i]} ${texts[i + 1]}` });

console.log(`labelled sample: ${samples.length} paragraphs, ${pairs.length} two-paragraph texts (${[...byLang.keys()].join(', ')})`);
console.log('detector          paragraphs  pairs   µs/text  bundle   misses');
for (const d of detectors) {
  for (const s of samples) d.detect(s.text); // warm-up
  const misses = samples.filter((s) => d.detect(s.text) !== s.lang).map((s) => `${s.lang}${s.note ? `/${s.note}` : ''}->${d.detect(s.text)}`);
  const okPairs = pairs.filter((p) => d.detect(p.text) === p.lang).length;
  const cpu = () => process.cpuUsage().user;
  const t0 = cpu();
  for (let r = 0; r < 20; r++) for (const s of samples) d.detect(s.text);
  const us = (cpu() - t0) / (20 * samples.length);
  const out = await build({ stdin: { contents: d.entry, resolveDir: REPO_ROOT }, bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, logLevel: 'silent' });
  const kb = out.outputFiles[0].contents.length / 1024;
  console.log(`${d.name.padEnd(17)} ${String(samples.length - misses.length).padStart(4)}/${samples.length}     ${String(okPairs).padStart(2)}/${pairs.length}  ${us.toFixed(0).padStart(6)}  ${kb.toFixed(0).padStart(5)} KB  ${misses.join(' ')}`);
}
