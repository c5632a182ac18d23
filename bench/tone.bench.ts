// Tone check benchmark: the check runs on every edit in the letter editor, so it must stay a few
// milliseconds for a letter. Times the whole check (rules and the classifier, as the editor and the
// POST /tone-check route run it) on a 3,000-character letter, next to the rules alone measured in the
// same run, and writes bench/out/tone-bench.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkTone, checkToneRules } from '../src/domain/tone.ts';
import { TONE_CASES } from '../src/domain/tone-cases.ts';

const RUNS = Number(process.env.BENCH_TONE_RUNS ?? 101);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function time(work: () => unknown): number {
  for (let i = 0; i < 10; i++) work();
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

// About 3,000 characters: sentences of the first labelled set, several of them accusing.
const letter = TONE_CASES.slice(0, 60)
  .map((c) => c.text)
  .join(' ')
  .slice(0, 3000);
const whole = time(() => checkTone(letter));
const rules = time(() => checkToneRules(letter));
const report = {
  at: new Date().toISOString(),
  node: process.version,
  characters: letter.length,
  runs: RUNS,
  medianMs: +whole.toFixed(2),
  rulesAloneMedianMs: +rules.toFixed(2),
  ratio: +(whole / rules).toFixed(2),
};
mkdirSync(resolve(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(resolve(import.meta.dirname, 'out/tone-bench.json'), `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `== Tone check benchmark\nA ${report.characters}-character letter: median ${report.medianMs} ms (rules and classifier); rules alone ${report.rulesAloneMedianMs} ms; ratio ${report.ratio}x\n`,
);
