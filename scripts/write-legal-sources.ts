// Rewrites the table in docs/legal-sources.md from src/domain/legal-sources.ts, keeping the notes around it.
// Run with: npm run docs:legal (a unit test fails when the committed page is out of date).
import { readFileSync, writeFileSync } from 'node:fs';
import { withLegalSourcesTable } from '../src/domain/legal-sources-doc.ts';

const page = new URL('../docs/legal-sources.md', import.meta.url);
writeFileSync(page, withLegalSourcesTable(readFileSync(page, 'utf8')));
