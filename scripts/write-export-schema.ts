// Regenerates docs/export-format.schema.json from the zod schema of the export format.
// Run with: npm run docs:schema (a test fails when the committed file is out of date).
import { writeFileSync } from 'node:fs';
import { exportFormatJsonSchema } from '../src/server/services/export-schema.ts';

writeFileSync(new URL('../docs/export-format.schema.json', import.meta.url), exportFormatJsonSchema());
