import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFormatJsonSchema } from './export-schema.ts';

describe('the export format JSON Schema in docs/', () => {
  it('matches the zod schema the importer uses (run `npm run docs:schema` after changing the format)', () => {
    const committed = readFileSync(
      new URL('../../../docs/export-format.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(exportFormatJsonSchema());
  });

  it('names the format and requires every section', () => {
    const schema = JSON.parse(exportFormatJsonSchema());
    expect(schema.properties.format.const).toBe('as-written/1');
    for (const key of [
      'household',
      'children',
      'plans',
      'planVersions',
      'services',
      'sessionEntries',
      'journal',
    ]) {
      expect(schema.required).toContain(key);
    }
  });
});
