// Regenerates docs/iep-draft.schema.json from the zod schema of the IEP reader's draft.
// Run with: node --import tsx scripts/write-iep-draft-schema.ts (a test fails when the committed file is out of date).
import { writeFileSync } from 'node:fs';
import { iepDraftJsonSchema } from '../src/domain/iep-draft.ts';

writeFileSync(new URL('../docs/iep-draft.schema.json', import.meta.url), iepDraftJsonSchema());
