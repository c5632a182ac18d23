// The report's reconciliation section (issue 19): how the school's service logs the parent brought in
// compare with the family's record over the report's range, service by service: how many sessions
// agree, how many differ, and how. Pure: the server gathers each log's reconciliation (the same lines
// the parent sees on the log's page, src/domain/service-log-reconcile.ts) and this only counts them.
// Nothing of the log's file is named (its name may hold another child's): only counts.

import type { ReportLanguage, ServiceLogReconciliation } from '../api/reports.ts';
import { andList, countOf } from '../domain/letter-words.ts';
import { DIFFERENCE_KINDS, type DifferenceKind } from '../domain/service-log-reconcile.ts';
import { reportWords } from './report-words.ts';

type DifferKind = Exclude<DifferenceKind, 'agree'>;
export const DIFFER_KINDS = DIFFERENCE_KINDS.filter((k): k is DifferKind => k !== 'agree');

/** A log as the report reads it: when it was imported, and each line of its reconciliation. */
export type ReportServiceLogInput = {
  importId: string;
  importedAt: string;
  items: { serviceId: string; date: string; kind: DifferenceKind }[];
};

/** How each kind of difference reads in the report: "logged as delivered where the family's record says not held". */
export const REPORT_DIFFERENCE_WORDS: Readonly<Record<DifferKind, string>> = {
  school_delivered_family_missed: 'logged as delivered where the family’s record says not held',
  school_missed_family_delivered: 'logged as not held where the family’s record says held',
  school_only: 'only in the school’s log',
  family_only: 'only in the family’s record',
  minutes_differ: 'with different minutes',
  reason_differs: 'with a different reason',
};

const zero = (): Record<DifferKind, number> =>
  Object.fromEntries(DIFFER_KINDS.map((k) => [k, 0])) as Record<DifferKind, number>;

/**
 * "12 sessions agree; 3 differ: 2 logged as delivered where ..., 1 only in the school's log." In the
 * report's language: another than English says it through the reportpdf catalog (report-words.ts).
 */
export function reconciliationSentence(
  agree: number,
  byKind: Readonly<Record<DifferKind, number>>,
  language: ReportLanguage = 'en',
): string {
  const differ = DIFFER_KINDS.reduce((n, k) => n + byKind[k], 0);
  if (language !== 'en') {
    const w = reportWords(language);
    const head = w.say('recon.head', { count: agree, n: String(agree) });
    if (differ === 0) return w.say('recon.noneDiffer', { head });
    const parts = DIFFER_KINDS.filter((k) => byKind[k] > 0).map(
      (k) => `${byKind[k]} ${w.say('recon.kind', { kind: k })}`,
    );
    return w.say('recon.differ', { head, count: differ, n: String(differ), parts: w.list(parts) });
  }
  const head = `${countOf(agree, 'session')} ${agree === 1 ? 'agrees' : 'agree'}`;
  if (differ === 0) return `${head}; none differ.`;
  const parts = DIFFER_KINDS.filter((k) => byKind[k] > 0).map(
    (k) => `${byKind[k]} ${REPORT_DIFFERENCE_WORDS[k]}`,
  );
  return `${head}; ${differ} ${differ === 1 ? 'differs' : 'differ'}: ${andList(parts)}.`;
}

/**
 * The section, or null when no log has a line in the range. A session two logs both cover is counted
 * once, by the log imported last (the school's latest word on those dates).
 */
export function reconciliationSection(
  logs: readonly ReportServiceLogInput[],
  range: { from: string; to: string },
  serviceName: (id: string) => string,
  language: ReportLanguage = 'en',
): ServiceLogReconciliation | null {
  const newestFirst = [...logs].sort(
    (a, b) => b.importedAt.localeCompare(a.importedAt) || b.importId.localeCompare(a.importId),
  );
  const taken = new Set<string>();
  const perService = new Map<string, { agree: number; byKind: Record<DifferKind, number> }>();
  let used = 0;
  for (const log of newestFirst) {
    const lines = log.items.filter((i) => i.date >= range.from && i.date <= range.to);
    const days = new Set<string>();
    let counted = 0;
    for (const item of lines) {
      const day = `${item.serviceId}|${item.date}`;
      if (taken.has(day)) continue;
      days.add(day);
      counted++;
      let s = perService.get(item.serviceId);
      if (!s) {
        s = { agree: 0, byKind: zero() };
        perService.set(item.serviceId, s);
      }
      if (item.kind === 'agree') s.agree++;
      else s.byKind[item.kind]++;
    }
    for (const d of days) taken.add(d);
    if (counted > 0) used++;
  }
  if (used === 0) return null;
  const services = [...perService.entries()]
    .map(([serviceId, s]) => {
      const differ = DIFFER_KINDS.reduce((n, k) => n + s.byKind[k], 0);
      return {
        serviceId,
        name: serviceName(serviceId),
        agree: s.agree,
        differ,
        byKind: s.byKind,
        sentence: reconciliationSentence(s.agree, s.byKind, language),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.serviceId.localeCompare(b.serviceId));
  const byKind = zero();
  for (const s of services) for (const k of DIFFER_KINDS) byKind[k] += s.byKind[k];
  const agree = services.reduce((n, s) => n + s.agree, 0);
  return {
    logs: used,
    agree,
    differ: DIFFER_KINDS.reduce((n, k) => n + byKind[k], 0),
    byKind,
    sentence: reconciliationSentence(agree, byKind, language),
    services,
  };
}
