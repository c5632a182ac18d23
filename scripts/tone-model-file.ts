// Writes a trained tone model as a TypeScript data file and formats it with the project's formatter, so the
// file is the same however it was written (scripts/write-tone-model.ts and write-tone-model-es.ts).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ToneModel } from '../src/domain/tone-classifier.ts';

export function writeToneModelFile(file: string, header: string, name: string, model: ToneModel): void {
  writeFileSync(
    file,
    `${header}
import type { ToneModel } from './tone-classifier.ts';

export const ${name}: ToneModel = ${JSON.stringify(model, null, 2)};
`,
  );
  execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('../node_modules/@biomejs/biome/bin/biome', import.meta.url)),
      'format',
      '--write',
      file,
    ],
    { stdio: 'inherit' },
  );
  console.log(`Wrote ${file}: ${Object.keys(model.weights).length} weights, threshold ${model.threshold}`);
}
