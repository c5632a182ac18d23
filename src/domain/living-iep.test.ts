import { describe, expect, it } from 'vitest';
import type { CaseRecord, CaseService } from './case-record.ts';
import { buildLivingIep, livingIepMarkdown } from './living-iep.ts';

const service = (over: Partial<CaseService['ledger']> & { name: string; id: string }): CaseService => ({
  id: over.id,
  name: over.name,
  sourceText: null,
  providerRole: null,
  startDate: '2026-09-08',
  endDate: '2027-06-11',
  firstDeliveredDate: '2026-09-08',
  ledger: {
    from: '2026-09-08',
    to: '2026-10-30',
    requiredMinutes: 480,
    deliveredMinutes: 480,
    owedMinutes: 0,
    owedBalanceMinutes: 0,
    makeupMinutes: 0,
    unloggedMinutes: 0,
    percentDelivered: 100,
    misses: [],
    ...over,
  },
  weeks: [
    {
      start: '2026-09-07',
      requiredMinutes: 60,
      deliveredMinutes: 60,
      owedMinutes: 0,
      unloggedMinutes: 0,
      entryIds: ['w1'],
    },
    {
      start: '2026-09-14',
      requiredMinutes: 60,
      deliveredMinutes: 30,
      owedMinutes: 30,
      unloggedMinutes: 0,
      entryIds: ['w2'],
    },
  ],
});

function record(over: Partial<CaseRecord> = {}): CaseRecord {
  return {
    asOf: '2026-10-30',
    child: { id: 'c1', firstName: 'Emma', lastName: null, school: null, grade: null },
    parent: { name: 'Maria', email: null },
    plan: {
      id: 'p1',
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'IL' },
      title: null,
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-09-07',
    },
    team: [],
    services: [],
    accommodations: [],
    goals: [],
    findings: [],
    communications: [],
    keyDates: [],
    parentNotes: [],
    isSchoolDay: () => true,
    inLongVacation: () => false,
    ...over,
  };
}

const none = { concerns: null, changes: [], questions: [] };

describe('the living IEP', () => {
  it('puts a service delivered in full under what works, and a short one under what does not, with a question', () => {
    const doc = buildLivingIep(
      record({
        services: [
          service({ id: 's1', name: 'Occupational therapy' }),
          service({
            id: 's2',
            name: 'Speech-language therapy',
            deliveredMinutes: 260,
            owedBalanceMinutes: 100,
            misses: [
              {
                entryId: 'm1',
                date: '2026-09-15',
                reason: 'school_event',
                minutes: 30,
                responsibility: 'owed',
                owedRemainingMinutes: 30,
              },
            ],
          }),
        ],
      }),
      none,
    );
    expect(doc.working.map((i) => i.text)).toEqual([
      'Occupational therapy: 480 of 480 required minutes delivered (Sep 8 to Oct 30).',
    ]);
    expect(doc.notWorking[0]).toEqual({
      text: 'Speech-language therapy: 260 of 480 required minutes delivered (54%); 100 make-up minutes still owed; 1 of 2 weeks in full.',
      entryIds: ['m1'],
    });
    expect(doc.questions[0]!.text).toBe(
      'How and when will the 100 owed minutes of speech-language therapy be made up?',
    );
  });

  it('does not count the week still under way as a week not in full', () => {
    const s = service({ id: 's2', name: 'Speech', deliveredMinutes: 200 });
    s.weeks.push({
      start: '2026-10-26',
      requiredMinutes: 60,
      deliveredMinutes: 0,
      owedMinutes: 0,
      unloggedMinutes: 60,
      entryIds: [],
    });
    const doc = buildLivingIep(record({ asOf: '2026-10-28', services: [s] }), none);
    expect(doc.notWorking[0]!.text).toContain('1 of 2 weeks in full');
  });

  it('counts an accommodation as working only with enough observations, mostly provided', () => {
    // Each on its own school day: one day is one occurrence, however many records speak of it.
    let day = 0;
    const obs = (id: string, outcome: 'provided' | 'not_provided') => ({
      id,
      date: `2026-10-0${++day}`,
      outcome,
      className: null,
      setting: null,
      teacherKind: 'regular',
      source: 'child_report',
      note: null,
    });
    const doc = buildLivingIep(
      record({
        accommodations: [
          {
            id: 'a1',
            text: 'Extended time',
            observations: [obs('o1', 'provided'), obs('o2', 'provided'), obs('o3', 'provided')],
          },
          { id: 'a2', text: 'Headphones', observations: [obs('o4', 'provided'), obs('o5', 'provided')] },
          {
            id: 'a3',
            text: 'Preferential seating',
            observations: [obs('o6', 'not_provided'), obs('o7', 'provided')],
          },
        ],
      }),
      none,
    );
    expect(doc.working.map((i) => i.text)).toEqual(['“Extended time”: in place on 3 of 3 days noted.']);
    expect(doc.notWorking.map((i) => i.entryIds)).toEqual([['o6']]);
  });

  it('one missed quiz noted three ways is one lapse with three sources, not three', () => {
    const base = {
      date: '2026-12-04',
      className: 'Math',
      setting: 'quiz',
      teacherKind: 'regular',
      note: null,
    };
    const doc = buildLivingIep(
      record({
        asOf: '2026-12-05',
        accommodations: [
          {
            id: 'ext',
            text: 'Extended time',
            observations: [
              { ...base, id: 'note', outcome: 'not_provided', source: 'parent_saw' },
              {
                ...base,
                id: 'sample',
                record: 'work_sample',
                outcome: 'not_provided',
                source: 'work_sample',
              },
              { ...base, id: 'kid', outcome: 'not_provided', source: 'child_report', className: null },
            ],
          },
        ],
      }),
      none,
    );
    expect(doc.notWorking.map((i) => i.text)).toEqual([
      '“Extended time”: not in place on 1 of 1 day noted: Dec 4 in Math (3 sources).',
    ]);
    expect(new Set(doc.notWorking[0]!.entryIds)).toEqual(new Set(['note', 'sample', 'kid']));
  });

  it('lists wins, the parent’s concerns and goal flags in their places, and keeps the parent’s own words', () => {
    const doc = buildLivingIep(
      record({
        goals: [{ id: 'g1', area: 'Reading', text: 'Read 90 wcpm' }],
        findings: [
          {
            rule: 'target_met_early',
            subjectId: 'g1',
            severity: 'info',
            message: 'The reading goal’s target was met in October.',
            question: 'Is this goal too easy?',
            entryIds: ['gp1'],
          },
        ],
        parentNotes: [
          { id: 'n1', date: '2026-10-23', kind: 'win', text: 'Read a chapter book aloud' },
          { id: 'n2', date: '2026-10-14', kind: 'new_challenge', text: 'Upset after spelling tests' },
        ],
      }),
      {
        concerns: 'I worry that Emma is losing confidence.',
        changes: ['Move reading out of science'],
        questions: ['Who checks the sub folder?'],
      },
    );
    expect(doc.working[0]!.text).toContain('Read a chapter book aloud');
    expect(doc.changes.map((c) => c.text)).toEqual([
      'The reading goal’s target was met in October. Is this goal too easy?',
      'Wednesday, October 14, 2026: Upset after spelling tests',
      'Move reading out of science',
    ]);
    expect(doc.concerns).toBe('I worry that Emma is losing confidence.');
    expect(doc.concernsPrompt).toEqual([]);
    expect(doc.questions.map((q) => q.text)).toContain('Who checks the sub folder?');
    const md = livingIepMarkdown(doc);
    expect(md).toContain("# Emma's living IEP");
    expect(md).toContain('## Parent concerns statement\n\nI worry that Emma is losing confidence.');
  });

  it('offers the facts to start a concerns statement from when the parent has not written one', () => {
    const doc = buildLivingIep(
      record({ services: [service({ id: 's2', name: 'Speech', deliveredMinutes: 200 })] }),
      none,
    );
    expect(doc.concerns).toBeNull();
    expect(doc.concernsPrompt[0]).toContain('Speech: 200 of 480');
    expect(livingIepMarkdown(doc)).toContain('_Not written yet. Facts to start from:_');
  });
});

// The living IEP in Spanish (issue 17): its own sentences in the reader's language, the record's and
// the parent's words as written, the figures the English ones.
describe('the living IEP in Spanish', () => {
  const shortService = () =>
    service({
      id: 's2',
      name: 'Speech-language therapy',
      deliveredMinutes: 260,
      owedBalanceMinutes: 100,
      misses: [
        {
          entryId: 'm1',
          date: '2026-09-15',
          reason: 'school_event',
          minutes: 30,
          responsibility: 'owed',
          owedRemainingMinutes: 30,
        },
      ],
    });

  it('writes its sentences in Spanish with the English ones’ figures, and the service’s name as written', () => {
    const input = record({
      services: [service({ id: 's1', name: 'Occupational therapy' }), shortService()],
      parentNotes: [{ id: 'n1', date: '2026-09-18', kind: 'win', text: 'Leyó solo' }],
      keyDates: [{ date: '2026-11-20', kind: 'annual_review', label: null }],
    } as Partial<CaseRecord>);
    const en = buildLivingIep(input, none);
    const es = buildLivingIep(input, none, 'es');
    expect(es.working.map((i) => i.text)).toEqual([
      'viernes 18 de septiembre de 2026: Leyó solo',
      'Occupational therapy: se dieron 480 de 480 minutos requeridos (del 8 de septiembre al 30 de octubre).',
    ]);
    expect(es.notWorking[0]!.text).toBe(
      'Speech-language therapy: se dieron 260 de 480 minutos requeridos (54 %); todavía se deben 100 minutos ' +
        'de reposición; 1 de 2 semanas completas.',
    );
    expect(es.questions[0]!.text).toBe(
      '¿Cómo y cuándo se repondrán los 100 minutos de speech-language therapy que se deben?',
    );
    expect(es.planTitle).toBe('IEP');
    expect(es.nextMeeting).toEqual({ date: '2026-11-20', label: 'revisión anual' });
    expect(en.nextMeeting).toEqual({ date: '2026-11-20', label: 'annual review' });
    const figures = (text: string) => (text.match(/\d+/g) ?? []).sort();
    for (const [i, item] of es.notWorking.entries())
      expect(figures(item.text)).toEqual(figures(en.notWorking[i]!.text));
    // The same records behind each line, in either language.
    expect(es.notWorking.map((i) => i.entryIds)).toEqual(en.notWorking.map((i) => i.entryIds));
  });

  it('writes the Markdown’s headings and empty lines in Spanish, and keeps the parent’s words', () => {
    const doc = buildLivingIep(record(), { concerns: null, changes: ['Más tiempo'], questions: [] }, 'es');
    const md = livingIepMarkdown(doc, 'es');
    expect(md).toContain('# IEP al día de Emma');
    expect(md).toContain('Al viernes 30 de octubre de 2026.');
    for (const heading of [
      '## Lo que funciona',
      '## Lo que no funciona',
      '## Lo que me gustaría cambiar',
      '## Preocupaciones de los padres',
      '## Preguntas para el equipo',
      '- Nada anotado todavía.',
      '- Ninguna todavía.',
      '_Sin escribir todavía. Hechos para empezar:_',
      '- Más tiempo',
    ])
      expect(md).toContain(heading);
    expect(md).not.toMatch(/What is|Nothing|None yet|Parent concerns|Questions for|As of/);
  });
});
