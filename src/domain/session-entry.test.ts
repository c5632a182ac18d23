import { describe, expect, it } from 'vitest';
import { childReportsSetAside } from './session-entry.ts';

const e = (id: string, date: string, source: string, kind = 'scheduled', serviceId = 'speech') => ({
  id,
  serviceId,
  date,
  kind,
  source,
});

describe("childReportsSetAside: a child's report is a claim beside the log, not a second log", () => {
  it('sets aside a child report when the school logged the same service on the same date', () => {
    expect(
      childReportsSetAside([e('log', '2026-10-06', 'school_log'), e('kid', '2026-10-06', 'child_report')]),
    ).toEqual(new Set(['kid']));
  });
  it('sets it aside when a provider or the parent logged it', () => {
    for (const source of ['provider', 'provider_link', 'parent']) {
      expect(
        childReportsSetAside([e('a', '2026-10-06', source), e('kid', '2026-10-06', 'child_report')]),
      ).toEqual(new Set(['kid']));
    }
  });
  it('keeps a child report that is the only record of that date', () => {
    expect(
      childReportsSetAside([e('log', '2026-10-05', 'school_log'), e('kid', '2026-10-06', 'child_report')])
        .size,
    ).toBe(0);
  });
  it('keeps it when the other record is for another service, or is a make-up', () => {
    expect(
      childReportsSetAside([
        e('ot', '2026-10-06', 'school_log', 'scheduled', 'ot'),
        e('mk', '2026-10-06', 'parent', 'makeup'),
        e('kid', '2026-10-06', 'child_report'),
      ]).size,
    ).toBe(0);
  });
});
