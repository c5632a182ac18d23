import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImplementationReport, LedgerTotals, ReportBody, ReportLanguage } from '../api/reports.ts';
import enReport from '../domain/i18n/locales/en/reportpdf.json' with { type: 'json' };
import esReport from '../domain/i18n/locales/es/reportpdf.json' with { type: 'json' };
import { renderReportPdf } from './implementation-report-pdf.ts';
import { reconciliationSentence } from './report-reconciliation.ts';
import { writeSummary } from './report-summary.ts';
import { reportWords } from './report-words.ts';

// The implementation report in Spanish (issue 17): the same record, its summary and its PDF written in
// the report's language. Every fixed word of the PDF is Spanish, the dates are Spanish, and the summary
// keeps every figure of the English one; record data (names, the plan's words) stays as written.

const totals = (o: Partial<LedgerTotals>): LedgerTotals => ({
  requiredSessions: null,
  requiredMinutes: 0,
  scheduledSessions: 0,
  deliveredMinutes: 0,
  extraMinutes: 0,
  owedMinutes: 0,
  excusedMinutes: 0,
  pendingMinutes: 0,
  unloggedSessions: null,
  unloggedMinutes: 0,
  makeupMinutes: 0,
  makeupAppliedMinutes: 0,
  owedBalanceMinutes: 0,
  percentDelivered: null,
  ...o,
});

/** A record with something in every section of the report, its data neutral to either language. */
function body(language: ReportLanguage): ReportBody {
  const serviceTotals = totals({
    requiredMinutes: 480,
    requiredSessions: 16,
    deliveredMinutes: 260,
    percentDelivered: 54.2,
    owedMinutes: 130,
    makeupMinutes: 30,
    owedBalanceMinutes: 100,
    unloggedMinutes: 60,
    excusedMinutes: 30,
    pendingMinutes: 20,
  });
  return {
    format: 'as-written/implementation-report/1',
    language,
    child: { id: 'c', firstName: 'Emma', lastName: 'Rivera', school: 'Lincoln', grade: '3' },
    plan: {
      id: 'p',
      kind: 'iep',
      title: null,
      jurisdiction: 'CA, US',
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-09-07',
    },
    range: { from: '2026-09-08', to: '2026-10-30', asOf: '2026-10-30' },
    preparedBy: 'Olivia',
    ledgerUnavailable: null,
    services: [
      {
        id: 's',
        name: 'Logopedia',
        sourceText: '2 x 30 min',
        providerRole: null,
        totals: serviceTotals,
        rows: [
          {
            unit: 'week',
            start: '2026-09-08',
            end: '2026-09-13',
            label: '2026-09-08',
            requiredMinutes: 60,
            deliveredMinutes: 30,
            owedMinutes: 30,
            makeupMinutes: 0,
            excusedMinutes: 0,
            pendingMinutes: 0,
            unloggedMinutes: 0,
            closures: ['2026-09-11'],
          },
          {
            unit: 'week',
            start: '2026-09-28',
            end: '2026-10-04',
            label: '2026-09-28',
            requiredMinutes: 60,
            deliveredMinutes: 60,
            owedMinutes: 0,
            makeupMinutes: 30,
            excusedMinutes: 0,
            pendingMinutes: 0,
            unloggedMinutes: 0,
            closures: [],
          },
        ],
        unappliedMakeupMinutes: 10,
        ledgerNotes: [],
        exceptions: [
          {
            ref: 'E1',
            entryId: 'x1',
            date: '2026-09-10',
            kind: 'scheduled',
            status: 'missed',
            minutesPlanned: 30,
            minutesDelivered: 0,
            minutesMissed: 30,
            reason: null,
            reasonText: null,
            countedAs: 'owed',
            makesUpDate: null,
            source: 'R. Díaz',
          },
          {
            ref: 'E2',
            entryId: 'x2',
            date: '2026-09-29',
            kind: 'makeup',
            status: 'delivered',
            minutesPlanned: null,
            minutesDelivered: 30,
            minutesMissed: 0,
            reason: null,
            reasonText: null,
            countedAs: null,
            makesUpDate: '2026-09-10',
            source: 'R. Díaz',
          },
        ],
      },
    ],
    serviceLogReconciliation: {
      logs: 2,
      agree: 3,
      differ: 1,
      byKind: {
        school_delivered_family_missed: 1,
        school_missed_family_delivered: 0,
        school_only: 0,
        family_only: 0,
        minutes_differ: 0,
        reason_differs: 0,
      },
      sentence: '3 = 3.',
      services: [
        {
          serviceId: 's',
          name: 'Logopedia',
          agree: 3,
          differ: 1,
          byKind: {
            school_delivered_family_missed: 1,
            school_missed_family_delivered: 0,
            school_only: 0,
            family_only: 0,
            minutes_differ: 0,
            reason_differs: 0,
          },
          sentence: '3 = 3.',
        },
      ],
    },
    minutes: {
      requiredMinutes: 480,
      deliveredMinutes: 260,
      percentDelivered: 54.2,
      owedMinutes: 130,
      makeupMinutes: 30,
      owedBalanceMinutes: 100,
      unloggedMinutes: 60,
      excusedMinutes: 30,
      pendingMinutes: 20,
    },
    accommodations: [
      {
        id: 'a',
        text: 'Tiempo extra',
        provided: 3,
        partly: 1,
        notProvided: 2,
        unknown: 1,
        providedPercent: 58.3,
        lapses: [
          {
            ref: 'E3',
            recordId: 'o1',
            refs: [],
            date: '2026-09-15',
            outcome: 'not_provided',
            className: 'Matemáticas',
            setting: null,
            teacherKind: 'substitute',
            source: 'R. Díaz',
            note: null,
            disagreeing: [],
          },
          {
            ref: 'E4',
            recordId: 'o2',
            refs: [],
            date: '2026-09-22',
            outcome: 'partly',
            className: null,
            setting: null,
            teacherKind: 'regular',
            source: 'R. Díaz',
            note: null,
            disagreeing: ['J. Soto'],
          },
        ],
        refs: ['E3', 'E4'],
      },
    ],
    accommodationFindings: [],
    behaviorPlan: {
      steps: [{ id: 'st', kind: 'strategy', text: 'Pausa', followed: 2, skipped: 3 }],
      incidents: [
        {
          ref: 'E5',
          id: 'i1',
          date: '2026-10-06',
          summary: 'Oficina',
          stepsFollowed: [],
          stepsSkipped: [],
          rewardUsed: true,
          consequenceContradicted: false,
          source: 'R. Díaz',
        },
      ],
      totals: {
        incidents: 4,
        incidentsWithStepsSkipped: 3,
        stepsSkipped: 5,
        rewardUsed: 2,
        rewardNotUsed: 2,
        consequenceAgainstPlan: 2,
      },
      findings: [],
    },
    communications: {
      messages: [
        {
          ref: 'E6',
          id: 'm1',
          date: '2026-10-01',
          kind: 'email',
          direction: 'sent',
          label: 'Correo',
          with: 'J. Soto',
          subject: null,
          summary: 'Pregunta',
          reply: {
            state: 'overdue',
            dueBy: '2026-10-08',
            promised: false,
            repliedOn: null,
            responseDays: null,
            daysLate: 22,
          },
          noWrittenFollowUp: false,
        },
        {
          ref: 'E7',
          id: 'm2',
          date: '2026-10-02',
          kind: 'email',
          direction: 'sent',
          label: 'Correo',
          with: 'J. Soto',
          subject: null,
          summary: 'Pregunta',
          reply: {
            state: 'answered',
            dueBy: null,
            promised: false,
            repliedOn: '2026-10-05',
            responseDays: 3,
            daysLate: null,
          },
          noWrittenFollowUp: false,
        },
      ],
      sent: 2,
      received: 0,
      answered: 2,
      unanswered: 2,
      overdue: 2,
      averageResponseDays: 3.5,
      withoutWrittenFollowUp: 2,
    },
    recommendations: [
      {
        id: 'r',
        title: 'Pedir el registro de servicios',
        reason: 'Faltan sesiones.',
        urgency: 'high',
        basis: '34 C.F.R. § 300.613',
        productChoice: false,
        deadlines: [{ label: 'Respuesta', date: '2026-11-13', basis: '34 C.F.R. § 300.613' }],
        refs: ['E1'],
      },
      {
        id: 'r2',
        title: 'Pedir una reunión',
        reason: 'Faltan sesiones.',
        urgency: 'normal',
        basis: 'As Written',
        productChoice: true,
        deadlines: [],
        refs: [],
      },
    ],
    evidence: [
      {
        ref: 'E1',
        recordId: 'x1',
        kind: 'session_entry',
        date: '2026-09-10',
        source: 'R. Díaz',
        description: 'Logopedia',
        files: [
          {
            attachmentId: 'f',
            filename: 'log.pdf',
            mediaType: 'application/pdf',
            size: 10,
            sha256: 'a'.repeat(64),
          },
        ],
      },
      {
        ref: 'E3',
        recordId: 'o1',
        kind: 'accommodation_observation',
        date: '2026-09-15',
        source: 'R. Díaz',
        description: 'Tiempo extra',
        files: [],
      },
    ],
    journal: {
      entries: 42,
      headHash: 'b'.repeat(64),
      verified: true,
      firstProblem: null,
      chainWhole: true,
      problem: null,
      recordsChecked: 12,
      recordsDiffering: 0,
      recordProblem: null,
      attachmentsChecked: 3,
      attachmentProblems: [],
    },
  };
}

function report(language: ReportLanguage): ImplementationReport {
  const b = body(language);
  return { ...b, summary: writeSummary(b) };
}

const dir = mkdtempSync(join(tmpdir(), 'report-language-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext reads it, with every run of white space made one space. */
async function pdfWords(language: ReportLanguage): Promise<{ text: string; info: string; raw: string }> {
  const pdf = await renderReportPdf(report(language));
  const file = join(dir, `${language}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return { text: text.replace(/\s+/g, ' '), info, raw: pdf.toString('latin1') };
}

/** The English fixed words of the PDF: its headings, table headers, legends and labels. */
const ENGLISH_WORDS = [
  'Implementation report',
  'plan was carried out',
  'Child',
  'Grade',
  'Period covered',
  'Figures as of',
  'Prepared by',
  'Summary',
  'How to read this report',
  'Services: minutes required',
  'All services',
  'All figures are minutes',
  'The plan says',
  'Required',
  'Delivered',
  'deliv.',
  'Owed',
  'Made up',
  'Still owed',
  'Not logged',
  'Excused',
  'Pending',
  'Week',
  'Days without school',
  'week by week',
  'hatched outline',
  'Minutes',
  'Sessions missed',
  'What happened',
  'Reason',
  'Counted as',
  'Logged by',
  'Make-up',
  'Missed',
  'service log',
  'Agree',
  'Differ',
  'Only in the',
  'Accommodations',
  'Each observation',
  'Provided',
  'Partly',
  'Not provided',
  'Not known',
  'Rate',
  'Lapses',
  'Outcome',
  'Class, setting',
  'Teacher',
  'Substitute',
  'Noted by',
  'disagree',
  'Behavior plan',
  'Step of the plan',
  'Kind',
  'Followed',
  'Skipped',
  'Incidents',
  'Steps skipped',
  'Reward used',
  'Against plan',
  'Yes',
  'None',
  'strategy',
  'Communication',
  'Subject or summary',
  'Reply',
  'Answered',
  'No reply',
  'still wait',
  'Open recommendations',
  'What the advisor suggests',
  '(urgent)',
  'Product choice',
  'Basis',
  'Records:',
  'Deadline',
  'Evidence index',
  'Every record this report cites',
  'Session',
  'Observation',
  'File "',
  'The paper trail',
  'Check',
  'Result ',
  'Journal entries',
  'Hash of the last entry',
  'Record verified',
  'Hash chain',
  'Whole:',
  'Records against the journal',
  'Files checked',
  'To confirm later',
  'Page ',
  ' of ',
  'Sep ',
  'Oct ',
];

describe('the implementation report in Spanish', () => {
  it('draws every heading, table header, label and date of the PDF in Spanish', async () => {
    const en = await pdfWords('en');
    const es = await pdfWords('es');
    // The list of English words is the PDF's: each is in the English PDF (so the check can fail).
    expect(ENGLISH_WORDS.filter((word) => !en.text.includes(word))).toEqual([]);
    expect(ENGLISH_WORDS.filter((word) => es.text.includes(word))).toEqual([]);
    for (const heading of [
      'As Written · Informe de cumplimiento',
      'Cómo se cumplió el plan de Emma',
      'Resumen',
      'Servicios: minutos requeridos, dados y por reponer',
      'Los registros de servicios de la escuela y el registro de la familia',
      'Adaptaciones',
      'Fallas: días en que una adaptación no se dio, o solo en parte',
      'Plan de conducta',
      'Comunicación',
      'Sugerencias pendientes y plazos',
      'Índice de pruebas',
      'Las constancias',
      'Página 1 de',
      'Inicio de la semana',
      'Requeridos (contorno rayado)',
    ])
      expect(es.text, heading).toContain(heading);
    // Dates in Spanish: the tables' short dates, the range and the "as of" day.
    expect(es.text).toContain('8 sept – 30 oct 2026');
    expect(es.text).toContain('10 sept 2026');
    expect(es.text).toContain('Reposición del 10 sept');
    expect(es.text).toContain('Cifras al 30 oct 2026');
    // Record data stays as written; figures are the ledger's.
    expect(es.text).toContain('Logopedia');
    expect(es.text).toContain('54.2 %');
    expect(es.text).toContain('34 C.F.R. § 300.613');
    // The document says its language, and its title is Spanish too.
    expect(es.raw).toContain('/Lang (es-US)');
    expect(en.raw).toContain('/Lang (en-US)');
    expect(es.info).toMatch(/Title:\s+Informe de cumplimiento: Emma Rivera, 8 sept – 30 oct 2026/);
    expect(es.info).toMatch(/Subject:\s+Cómo se cumplió el IEP de Emma/);
  });

  it('writes the summary in Spanish with the same figures as the English one', () => {
    const en = report('en').summary;
    const es = report('es').summary;
    expect(es.headline).toBe(
      'Del 8 de septiembre al 30 de octubre de 2026, el IEP de Emma requería 480 minutos de servicios; ' +
        'se dieron 260. Se deben reponer 130 minutos, se repusieron 30 y todavía se deben 100.',
    );
    expect(es.points).toHaveLength(en.points.length);
    const figures = (text: string) => (text.match(/\d+(?:\.\d+)?/g) ?? []).sort();
    expect(figures(es.headline)).toEqual(figures(en.headline));
    for (const [i, point] of es.points.entries())
      expect(figures(point), point).toEqual(figures(en.points[i]!));
    expect(es.points.join(' ')).toContain('el plazo más cercano es el 13 de noviembre de 2026');
    expect(es.points.join(' ')).not.toMatch(/\b(?:minutes|delivered|owed|records?|the)\b/);
  });

  it('has every message in both languages, and labels a code it does not know as the code', () => {
    expect(Object.keys(esReport).sort()).toEqual(Object.keys(enReport).sort());
    const es = reportWords('es');
    expect(es.sourceLabel('school_log')).toBe('Registro de la escuela');
    expect(es.sourceLabel('new_source')).toBe('new source');
    expect(es.communicationLabel('phone', 'received')).toBe('Llamada de la escuela');
    expect(es.dateRangeWords('2026-12-20', '2027-01-08')).toBe(
      'del 20 de diciembre de 2026 al 8 de enero de 2027',
    );
    expect(
      reconciliationSentence(
        12,
        {
          school_delivered_family_missed: 2,
          school_missed_family_delivered: 0,
          school_only: 1,
          family_only: 0,
          minutes_differ: 0,
          reason_differs: 0,
        },
        'es',
      ),
    ).toBe(
      '12 sesiones coinciden; 3 difieren: 2 anotadas como dadas donde el registro de la familia dice que no ' +
        'se dieron y 1 solo en el registro de la escuela.',
    );
    // English is the report's English, unchanged.
    const en = reportWords('en');
    expect(en.dateRangeWords('2026-09-08', '2026-10-30')).toBe('Sep 8 to Oct 30, 2026');
    expect(en.minutes(1)).toBe('1 minute');
  });
});
