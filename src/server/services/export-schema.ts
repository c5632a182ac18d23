import { z } from 'zod';
import { ExportDocument } from './household-transfer.ts';

/** The JSON Schema of the household export format, as committed in docs/export-format.schema.json. */
export function exportFormatJsonSchema(): string {
  const schema = z.toJSONSchema(ExportDocument, {
    io: 'output',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  });
  return `${JSON.stringify({ ...schema, $id: 'https://as-written.invalid/schemas/export-format-1.json' }, null, 2)}\n`;
}
