// The living IEP in Spanish (issue 17): its own sentences in the reader's language, the record's and
// the parent's words as written, the figures the English ones. (The record helpers are those of
// living-iep.test.ts.)
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
