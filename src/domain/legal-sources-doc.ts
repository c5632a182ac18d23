import { JURISDICTION_PROFILES, type ProfileId } from './jurisdictions.ts';
import { LEGAL_SOURCES, type LegalKind } from './legal-sources.ts';

// The table in docs/legal-sources.md, written from the table of legal sources (src/domain/legal-sources.ts)
// by `npm run docs:legal`; a unit test fails when the committed page differs from it. The notes around the
// table (how each source was checked, where the text corrected an earlier reading) are written by hand.

export const TABLE_START = '<!-- legal-sources:table:start (written by npm run docs:legal) -->';
export const TABLE_END = '<!-- legal-sources:table:end -->';

const KIND_WORDS: Record<LegalKind, string> = {
  law: 'law',
  guidance: 'guidance',
  practice: 'practice / product choice',
};

const SHORT_NAMES: Record<ProfileId, string> = {
  us_idea: 'US federal',
  us_504: 'US 504',
  us_ca_iep: 'California',
  us_il_iep: 'Illinois',
  us_az_iep: 'Arizona',
  ca_on: 'Ontario',
  ca_bc: 'British Columbia',
  ca_ab: 'Alberta',
  ca_other: 'Other provinces',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The Markdown table: one row per source, in the table's order, between the two markers. */
export function legalSourcesTable(): string {
  const order = Object.keys(JURISDICTION_PROFILES) as ProfileId[];
  const rows = LEGAL_SOURCES.map((s) => {
    const profiles = order.filter((id) => s.profiles.includes(id)).map((id) => SHORT_NAMES[id]);
    return `| ${cell(s.pinpoint)} | ${KIND_WORDS[s.kind]} | ${cell(s.summary)} | ${cell(s.appliesIn)} | ${profiles.join(', ')} | \`${s.id}\` |`;
  });
  return [
    TABLE_START,
    '',
    '| pinpoint | kind | what it says | applies in | cited in the profiles | id |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    TABLE_END,
  ].join('\n');
}

/** `page` with the table between its markers replaced by the current one. */
export function withLegalSourcesTable(page: string): string {
  const start = page.indexOf(TABLE_START);
  const end = page.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('docs/legal-sources.md has lost its table markers');
  return page.slice(0, start) + legalSourcesTable() + page.slice(end + TABLE_END.length);
}
