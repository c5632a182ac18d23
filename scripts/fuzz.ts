// `npm run fuzz`: the property and fuzz tests that `npm test` runs with a few hundred inputs each,
// run with FUZZ_SCALE (default 20) times as many, on SQLite and PostgreSQL. Seeded like the short
// run (FUZZ_SEED to try another seed); each target prints the inputs it tried, the 5xx answers and
// hangs it met, and the rows refused requests left behind.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const VITEST = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));

const env = { ...process.env, FUZZ_SCALE: process.env.FUZZ_SCALE ?? '20' };
const runs: [string, string[]][] = [
  [
    'unit',
    [
      'src/domain/service-frequency-parser.property.test.ts',
      'src/importers/email.property.test.ts',
      'src/server/services/calendar-feed.test.ts',
    ],
  ],
  ['integration', ['test/integration/import-rules.test.ts', 'test/integration/api-fuzz.test.ts']],
];
let failed = false;
for (const [project, files] of runs) {
  const run = spawnSync(process.execPath, [VITEST, 'run', '--project', project, ...files], {
    stdio: 'inherit',
    env,
  });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
