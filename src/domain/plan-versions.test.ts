import { describe, expect, it } from 'vitest';
import { diffPlanContent, type PlanContent, resolveServiceTerms, versionInForce } from './plan-versions.ts';
import type { ServiceSegment } from './service.ts';

const weekly = (sessions: number, startDate: string, endDate: string): ServiceSegment => ({
  startDate,
  endDate,
  label: null,
  minutesPerSession: 30,
  sessionsPerPeriod: sessions,
  minutesPerPeriod: null,
  period: { unit: 'week', cycleDays: null },
  pattern: null,
});

const v1 = { id: 'v1', versionNumber: 1, effectiveFrom: '2026-09-08', effectiveTo: '2027-01-03' };
const v2 = { id: 'v2', versionNumber: 2, effectiveFrom: '2027-01-04', effectiveTo: null };

describe('plan versions', () => {
  it('finds the version in force on a date, the current one running to the plan end', () => {
    expect(versionInForce([v1, v2], '2026-09-08', '2027-06-11')?.id).toBe('v1');
    expect(versionInForce([v1, v2], '2027-01-03', '2027-06-11')?.id).toBe('v1');
    expect(versionInForce([v1, v2], '2027-01-04', '2027-06-11')?.id).toBe('v2');
    expect(versionInForce([v1, v2], '2027-06-11', '2027-06-11')?.id).toBe('v2');
    expect(versionInForce([v1, v2], '2027-06-12', '2027-06-11')).toBeNull();
    expect(versionInForce([v1, v2], '2026-09-07', '2027-06-11')).toBeNull();
  });

  it("an amendment's new amount applies from its date, the old amount before it", () => {
    const service = (sessions: number) => ({
      id: 's',
      startDate: '2026-09-08',
      endDate: '2027-06-11',
      segments: [weekly(sessions, '2026-09-08', '2027-06-11')],
      esyBlocks: [],
    });
    const terms = resolveServiceTerms(
      [
        { span: v1, service: service(2) },
        { span: v2, service: service(1) },
      ],
      '2027-06-11',
    );
    expect(terms.segments.map((s) => [s.startDate, s.endDate, s.sessionsPerPeriod])).toEqual([
      ['2026-09-08', '2027-01-03', 2],
      ['2027-01-04', '2027-06-11', 1],
    ]);
  });

  it('a service added by an amendment is only active from the amendment', () => {
    const terms = resolveServiceTerms(
      [
        { span: v1, service: null },
        {
          span: v2,
          service: {
            id: 's',
            startDate: '2026-09-08',
            endDate: '2027-06-11',
            segments: [weekly(1, '2026-09-08', '2027-06-11')],
            esyBlocks: [],
          },
        },
      ],
      '2027-06-11',
    );
    expect(terms.segments).toHaveLength(1);
    expect(terms.segments[0]?.startDate).toBe('2027-01-04');
  });

  it('a step-down written as two dated segments stays two segments', () => {
    const terms = resolveServiceTerms(
      [
        {
          span: { ...v1, effectiveTo: null },
          service: {
            id: 's',
            startDate: '2026-09-08',
            endDate: '2027-06-11',
            segments: [weekly(2, '2026-09-08', '2027-01-22'), weekly(1, '2027-01-25', '2027-06-11')],
            esyBlocks: [weekly(1, '2027-06-28', '2027-07-23')],
          },
        },
      ],
      '2027-09-07',
    );
    expect(terms.segments).toHaveLength(2);
    expect(terms.esyBlocks).toHaveLength(1);
  });

  it('lists what changed between two versions', () => {
    const base: PlanContent = {
      plan: { id: 'p', title: 'IEP' },
      services: [{ id: 's1', name: 'Speech', segments: [] }],
      accommodations: [{ id: 'a1', text: 'Seating' }],
      goals: [],
      behaviorSteps: [],
      keyDates: [],
    };
    const next: PlanContent = {
      ...base,
      services: [{ id: 's1', name: 'Speech-language therapy', segments: [] }],
      accommodations: [],
      goals: [{ id: 'g1', text: 'Read 90 wcpm' }],
    };
    const changes = diffPlanContent(base, next);
    expect(changes).toEqual([
      {
        kind: 'changed',
        section: 'services',
        id: 's1',
        fields: [{ field: 'name', from: 'Speech', to: 'Speech-language therapy' }],
      },
      { kind: 'removed', section: 'accommodations', id: 'a1', item: { id: 'a1', text: 'Seating' } },
      { kind: 'added', section: 'goals', id: 'g1', item: { id: 'g1', text: 'Read 90 wcpm' } },
    ]);
  });
});
