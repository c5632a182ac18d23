import { Alert, Card, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import type {
  ImplementationReport,
  ReportAccommodation,
  ReportCommunication,
  ReportFinding,
  ReportService,
} from '../../api/types.ts';
import { datesInWords, formatDate, formatDay, formatMonth, localeFor } from '../../components/dates.ts';
import { Tag } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import { type T, useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { Part } from './Part.tsx';
import classes from './paper-trail.module.css';

// The implementation report as a web page: the same object the PDF is drawn from, in the same order,
// kept compact for a phone. Long lists (week-by-week tables, incidents, the evidence index) fold away.

/** The report's words in the reader's language: its messages and the locale for dates. */
function useWords() {
  const t = useT('report');
  const locale = localeFor(useLanguage().language);
  return {
    t,
    locale,
    /** "Sep 8" */
    shortDate: (iso: string) => formatDay(iso, 'monthDay', locale),
    /** "Tue, Sep 8, 2026" */
    day: (iso: string) => formatDay(iso, 'weekdayShortYear', locale),
    /** "30 min" */
    min: (n: number) => t('report.view.min', { minutes: String(n) }),
  };
}

export function ReportView({ report }: { report: ImplementationReport }) {
  const { t, locale, day } = useWords();
  const tParts = useTParts();
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-summary">
        <Title order={4} size="h5" id="report-summary" mb={4}>
          {t('report.view.inShort')}
        </Title>
        <Text fw={600} mb="xs">
          {report.summary.headline}
        </Text>
        <List size="sm" spacing={4}>
          {report.summary.points.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      </Paper>

      <Part id="report-services" title={t('report.view.services')}>
        {report.ledgerUnavailable && (
          <Alert color="yellow" role="note" title={t('report.view.noMinutes')}>
            {report.ledgerUnavailable}
          </Alert>
        )}
        {report.services.length === 0 && !report.ledgerUnavailable && (
          <Text size="sm">{t('report.view.noServices')}</Text>
        )}
        {report.services.map((s) => (
          <ServiceCard key={s.id} service={s} />
        ))}
      </Part>

      {report.serviceLogReconciliation && (
        <Part id="report-service-logs" title={t('report.view.serviceLogs')}>
          <ReconciliationPart reconciliation={report.serviceLogReconciliation} />
        </Part>
      )}

      <Part id="report-accommodations" title={t('report.view.accommodations')}>
        {report.accommodations.length === 0 ? (
          <Text size="sm">{t('report.view.noAccommodations')}</Text>
        ) : (
          <ul className={classes.plain}>
            {report.accommodations.map((a) => (
              <li key={a.id}>
                <AccommodationItem accommodation={a} />
              </li>
            ))}
          </ul>
        )}
        <Findings findings={report.accommodationFindings} />
      </Part>

      <Part id="report-behavior" title={t('report.view.behavior')}>
        <BehaviorPart plan={report.behaviorPlan} />
      </Part>

      <Part id="report-messages" title={t('report.view.messages')}>
        <CommunicationPart communications={report.communications} />
      </Part>

      <Part id="report-open" title={t('report.view.open')}>
        {report.recommendations.length === 0 ? (
          <Text size="sm">
            {t('report.view.nothingOpen', { date: formatDate(report.range.asOf, locale) })}
          </Text>
        ) : (
          <ul className={classes.plain}>
            {report.recommendations.map((r) => (
              <li key={r.id}>
                <Paper withBorder p="sm" radius="md">
                  <Stack gap={4}>
                    <Text size="sm" fw={700}>
                      {r.urgency === 'high' && (
                        <>
                          <Tag tone="red">{t('report.view.soon')}</Tag>{' '}
                        </>
                      )}
                      {r.title}
                    </Text>
                    <Text size="sm">{r.reason}</Text>
                    <Text size="xs">
                      {t('report.view.basis', { choice: r.productChoice ? 'yes' : 'no', basis: r.basis })}
                      <Refs refs={r.refs} />
                    </Text>
                    {r.deadlines.length > 0 && (
                      <List size="sm" spacing={2}>
                        {r.deadlines.map((d) => (
                          <List.Item key={`${d.label}-${d.date}`}>
                            <Text span size="sm" fw={600}>
                              {day(d.date)}
                            </Text>
                            : {d.label}{' '}
                            <Text span size="xs">
                              ({d.basis})
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Stack>
                </Paper>
              </li>
            ))}
          </ul>
        )}
      </Part>

      <Part id="report-evidence" title={t('report.view.evidence')}>
        <Text size="sm">{t('report.view.evidenceIntro')}</Text>
        <Folded summary={t('report.view.showRecords', { count: report.evidence.length })}>
          <ul className={classes.plain}>
            {report.evidence.map((e) => (
              <li key={e.ref}>
                <Text size="sm">
                  <Text span fw={700} className={classes.ref}>
                    {e.ref}
                  </Text>{' '}
                  {day(e.date)} · {e.source}: {e.description}
                </Text>
                {e.files.map((f) => (
                  <Text size="xs" key={f.attachmentId} ml="md">
                    {tParts('report.view.file', {
                      name: <bdi>{f.filename}</bdi>,
                      size: String(Math.max(1, Math.round(f.size / 1024))),
                      hash: <span className={classes.mono}>{f.sha256}</span>,
                    })}
                  </Text>
                ))}
              </li>
            ))}
          </ul>
        </Folded>
        <Text size="sm">
          {report.journal.verified
            ? t('report.view.verified', {
                entries: report.journal.entries,
                records: report.journal.recordsChecked,
              })
            : t('report.view.notVerified', {
                problem: report.journal.firstProblem ?? t('report.view.aProblem'),
              })}{' '}
          {report.journal.headHash &&
            tParts('report.view.lastFingerprint', {
              hash: <span className={classes.mono}>{report.journal.headHash}</span>,
            })}
        </Text>
        {report.journal.recordsDiffering > 0 && (
          <Alert color="red" role="alert" title={t('report.view.recordsDiffer')}>
            {t('report.view.recordsDifferText', {
              count: report.journal.recordsDiffering,
              problem: report.journal.recordProblem,
            })}
          </Alert>
        )}
        {report.journal.attachmentProblems.length > 0 && (
          <Alert color="red" role="alert" title={t('report.view.filesDiffer')}>
            {report.journal.attachmentProblems.join(' ')}
          </Alert>
        )}
      </Part>
    </Stack>
  );
}

/** A list or table folded away until asked for. */
function Folded({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className={classes.details}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

function Refs({ refs }: { refs: string[] }) {
  const t = useT('report');
  if (refs.length === 0) return null;
  const shown =
    refs.length > 6
      ? t('report.view.refsMore', { refs: refs.slice(0, 6).join(', '), count: String(refs.length - 6) })
      : refs.join(', ');
  return <span className={classes.ref}> ({shown})</span>;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** "Week by week" only when the rows are weeks: a per-term or per-cycle service's rows are its own periods. */
function foldTitle(t: T, rows: ReportService['rows']): string {
  const unit = rows.every((r) => r.unit === 'week')
    ? 'week'
    : rows.every((r) => r.unit === 'month')
      ? 'month'
      : 'other';
  return t('report.view.fold', { unit });
}

function rowTitle(
  { t, locale, shortDate }: ReturnType<typeof useWords>,
  row: ReportService['rows'][number],
): string {
  if (row.unit === 'week') return t('report.view.weekOf', { date: shortDate(row.start) });
  if (row.unit === 'month') return formatMonth(row.start, locale);
  // A term or a cycle is named by the ledger ("Quarter 2 (2026-11-09 to 2027-01-29)"): its name, dates in words.
  if (row.unit === 'term' || row.unit === 'cycle') return datesInWords(row.label, 'monthDay', locale);
  return row.start === row.end ? shortDate(row.start) : `${shortDate(row.start)} – ${shortDate(row.end)}`;
}

function ServiceCard({ service: s }: { service: ReportService }) {
  const words = useWords();
  const { t, locale, shortDate, day, min } = words;
  const headingId = useId();
  const totals = s.totals;
  const extra = [
    totals.excusedMinutes > 0
      ? t('report.view.extra.excused', { minutes: String(totals.excusedMinutes) })
      : null,
    totals.unloggedMinutes > 0
      ? totals.unloggedSessions
        ? t('report.view.extra.unloggedSessions', {
            minutes: String(totals.unloggedMinutes),
            sessions: totals.unloggedSessions,
          })
        : t('report.view.extra.unlogged', { minutes: String(totals.unloggedMinutes) })
      : null,
    totals.pendingMinutes > 0
      ? t('report.view.extra.pending', { minutes: String(totals.pendingMinutes) })
      : null,
    s.unappliedMakeupMinutes > 0
      ? t('report.view.extra.unapplied', { minutes: String(s.unappliedMakeupMinutes) })
      : null,
  ].filter((x): x is string => x != null);
  const hasPending = s.rows.some((r) => r.pendingMinutes > 0);
  const periodLabel = t('report.view.byPeriod', { name: s.name });
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <div>
          <Title order={5} id={headingId}>
            {s.name}
          </Title>
          {(s.sourceText || s.providerRole) && (
            <Text size="xs">
              {s.sourceText ? t('report.view.planSays', { text: s.sourceText }) : ''}
              {s.sourceText && s.providerRole ? ' · ' : ''}
              {s.providerRole ?? ''}
            </Text>
          )}
        </div>
        <dl className={classes.figures}>
          <Figure label={t('report.view.required')} value={min(totals.requiredMinutes)} />
          <Figure
            label={t('report.view.delivered')}
            value={
              totals.percentDelivered != null
                ? t('report.view.minPercent', {
                    minutes: String(totals.deliveredMinutes),
                    percent: String(totals.percentDelivered),
                  })
                : min(totals.deliveredMinutes)
            }
          />
          <Figure label={t('report.view.owedAsMakeups')} value={min(totals.owedMinutes)} />
          <Figure label={t('report.view.madeUp')} value={min(totals.makeupMinutes)} />
          <Figure label={t('report.view.stillOwed')} value={min(totals.owedBalanceMinutes)} />
        </dl>
        {extra.length > 0 && <Text size="xs">{t('report.view.also', { items: extra.join(' · ') })}</Text>}
        {s.ledgerNotes.map((n) => (
          <Text size="xs" key={n}>
            {datesInWords(n, 'weekdayShort', locale)}
          </Text>
        ))}
        {s.rows.length > 0 && (
          <Folded summary={foldTitle(t, s.rows)}>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
            <section className={ui.tableScroll} tabIndex={0} aria-label={periodLabel}>
              <Table className={classes.table} verticalSpacing={4} horizontalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('report.view.col.dates')}</Table.Th>
                    <Table.Th scope="col">{t('report.view.col.required')}</Table.Th>
                    <Table.Th scope="col">{t('report.view.col.delivered')}</Table.Th>
                    <Table.Th scope="col">{t('report.view.col.owed')}</Table.Th>
                    <Table.Th scope="col">{t('report.view.col.madeUp')}</Table.Th>
                    <Table.Th scope="col">{t('report.view.col.excused')}</Table.Th>
                    <Table.Th scope="col">{t('report.view.col.notLogged')}</Table.Th>
                    {hasPending && <Table.Th scope="col">{t('report.view.col.waiting')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.rows.map((r) => (
                    <Table.Tr key={`${r.unit}-${r.start}`}>
                      <Table.Th scope="row">
                        {rowTitle(words, r)}
                        {r.closures.length > 0 && (
                          <span className={classes.note}>
                            {datesInWords(r.closures.join(', '), 'weekdayShort', locale)}
                          </span>
                        )}
                      </Table.Th>
                      <Table.Td>{r.requiredMinutes}</Table.Td>
                      <Table.Td>{r.deliveredMinutes}</Table.Td>
                      <Table.Td>{r.owedMinutes}</Table.Td>
                      <Table.Td>{r.makeupMinutes}</Table.Td>
                      <Table.Td>{r.excusedMinutes}</Table.Td>
                      <Table.Td>{r.unloggedMinutes}</Table.Td>
                      {hasPending && <Table.Td>{r.pendingMinutes}</Table.Td>}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row">{t('report.view.col.total')}</Table.Th>
                    <Table.Td>{totals.requiredMinutes}</Table.Td>
                    <Table.Td>{totals.deliveredMinutes}</Table.Td>
                    <Table.Td>{totals.owedMinutes}</Table.Td>
                    <Table.Td>{totals.makeupMinutes}</Table.Td>
                    <Table.Td>{totals.excusedMinutes}</Table.Td>
                    <Table.Td>{totals.unloggedMinutes}</Table.Td>
                    {hasPending && <Table.Td>{totals.pendingMinutes}</Table.Td>}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </section>
          </Folded>
        )}
        {s.exceptions.length > 0 && (
          <Folded summary={t('report.view.exceptions', { count: String(s.exceptions.length) })}>
            <ul className={classes.plain}>
              {s.exceptions.map((e) => (
                <li key={e.entryId}>
                  <Text size="sm">
                    <Text span fw={600}>
                      {day(e.date)}
                    </Text>
                    {': '}
                    {e.kind === 'makeup'
                      ? e.makesUpDate
                        ? t('report.view.exc.makeupFor', {
                            minutes: String(e.minutesDelivered),
                            date: shortDate(e.makesUpDate),
                          })
                        : t('report.view.exc.makeup', { minutes: String(e.minutesDelivered) })
                      : e.countedAs
                        ? t('report.view.exc.missCounted', {
                            status: e.status === 'short' ? 'short' : 'missed',
                            minutes: String(e.minutesMissed),
                            counted: e.countedAs,
                          })
                        : t('report.view.exc.miss', {
                            status: e.status === 'short' ? 'short' : 'missed',
                            minutes: String(e.minutesMissed),
                          })}
                    {e.reason ? ` — ${e.reason}${e.reasonText ? ` (${e.reasonText})` : ''}` : ''}
                    <Text span size="xs">
                      {' '}
                      · {e.source}
                    </Text>
                    <Refs refs={[e.ref]} />
                  </Text>
                </li>
              ))}
            </ul>
          </Folded>
        )}
      </Stack>
    </Card>
  );
}

function AccommodationItem({ accommodation: a }: { accommodation: ReportAccommodation }) {
  const { t, day } = useWords();
  const seen = a.provided + a.partly + a.notProvided;
  const counts = {
    provided: String(a.provided),
    seen,
    partly: String(a.partly),
    percent: String(a.providedPercent),
  };
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" fw={700}>
        {a.text}
      </Text>
      <Text size="sm">
        {seen === 0
          ? t('report.view.acc.notObserved')
          : a.partly > 0
            ? a.providedPercent != null
              ? t('report.view.acc.providedPartlyPercent', counts)
              : t('report.view.acc.providedPartly', counts)
            : a.providedPercent != null
              ? t('report.view.acc.providedPercent', counts)
              : t('report.view.acc.provided', counts)}
        {a.unknown > 0 ? ` ${t('report.view.acc.unsure', { count: String(a.unknown) })}` : ''}
      </Text>
      {a.lapses.length > 0 && (
        <List size="xs" spacing={2} mt={4}>
          {a.lapses.map((l) => (
            <List.Item key={`${l.recordId}-${l.date}-${l.className ?? ''}`}>
              {day(l.date)}: {t('report.view.acc.outcome', { outcome: l.outcome })}
              {l.className ? `, ${l.className}` : ''}
              {l.setting ? ` (${l.setting})` : ''}
              {l.teacherKind === 'substitute' ? `, ${t('report.view.acc.substitute')}` : ''} · {l.source}
              {l.disagreeing.length > 0
                ? ` ${t('report.view.acc.disagree', { who: l.disagreeing.join('; ') })}`
                : ''}
              {l.note ? ` — “${l.note}”` : ''}
              <Refs refs={l.refs.length > 0 ? l.refs : [l.ref]} />
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

function Findings({ findings }: { findings: ReportFinding[] }) {
  const t = useT('report');
  if (findings.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        {t('report.view.patterns')}
      </Text>
      <List size="sm" spacing={4}>
        {findings.map((f) => (
          <List.Item key={`${f.rule}-${f.message}`}>
            {f.message}{' '}
            <Text span fs="italic" size="sm">
              {f.question}
            </Text>
            <Refs refs={f.refs} />
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function BehaviorPart({ plan }: { plan: ImplementationReport['behaviorPlan'] }) {
  const { t, day } = useWords();
  const totals = plan.totals;
  // The steps staff could follow or skip in an incident (a trigger is neither).
  const noted = plan.steps.filter((s) => s.followed + s.skipped > 0);
  if (plan.steps.length === 0 && totals.incidents === 0)
    return <Text size="sm">{t('report.view.bip.none')}</Text>;
  return (
    <>
      <Text size="sm">
        {totals.incidents === 0
          ? t('report.view.bip.noIncidents')
          : t('report.view.bip.incidents', {
              count: totals.incidents,
              skipped: String(totals.incidentsWithStepsSkipped),
              rewardUsed: String(totals.rewardUsed),
              rewardNotUsed: String(totals.rewardNotUsed),
              against: String(totals.consequenceAgainstPlan),
            })}
      </Text>
      {noted.length > 0 && (
        <List size="sm" spacing={2}>
          {noted.map((s) => (
            <List.Item key={s.id}>
              {t('report.view.bip.step', {
                text: s.text,
                followed: String(s.followed),
                skipped: String(s.skipped),
              })}
            </List.Item>
          ))}
        </List>
      )}
      {plan.incidents.length > 0 && (
        <Folded summary={t('report.view.bip.list', { count: String(plan.incidents.length) })}>
          <ul className={classes.plain}>
            {plan.incidents.map((i) => (
              <li key={i.id}>
                <Text size="sm">
                  <Text span fw={600}>
                    {day(i.date)}
                  </Text>
                  : {i.summary} · {i.source}
                  <Refs refs={[i.ref]} />
                </Text>
                {i.stepsSkipped.length > 0 && (
                  <Text size="xs">{t('report.view.bip.skipped', { steps: i.stepsSkipped.join('; ') })}</Text>
                )}
              </li>
            ))}
          </ul>
        </Folded>
      )}
      <Findings findings={plan.findings} />
    </>
  );
}

function replyWords(
  { t, shortDate }: ReturnType<typeof useWords>,
  m: ReportCommunication,
): { text: string; tone: 'green' | 'orange' | 'blue' | 'gray' } | null {
  const r = m.reply;
  const due = r.dueBy ? shortDate(r.dueBy) : t('report.view.reply.later');
  switch (r.state) {
    case 'answered':
      return {
        text:
          r.responseDays != null
            ? t('report.view.reply.answeredIn', { days: r.responseDays })
            : t('report.view.reply.answered'),
        tone: 'green',
      };
    case 'overdue':
      return {
        text: r.promised
          ? t('report.view.reply.latePromised', { days: r.daysLate ?? 0 })
          : t('report.view.reply.late', { days: r.daysLate ?? 0 }),
        tone: 'orange',
      };
    case 'holding':
      return { text: t('report.view.reply.promised', { date: due }), tone: 'blue' };
    case 'waiting':
      return { text: t('report.view.reply.waiting', { date: due }), tone: 'blue' };
    case 'closed':
      return { text: t('report.view.reply.closed'), tone: 'gray' };
    default:
      return null;
  }
}

function CommunicationPart({
  communications: c,
}: {
  communications: ImplementationReport['communications'];
}) {
  const words = useWords();
  const { t, day } = words;
  if (c.messages.length === 0) return <Text size="sm">{t('report.view.msg.none')}</Text>;
  const facts = [
    t('report.view.msg.sent', { sent: String(c.sent), received: String(c.received) }),
    c.answered > 0
      ? t('report.view.msg.answered', {
          count: c.answered,
          days: c.averageResponseDays ?? 0,
        })
      : null,
    c.unanswered > 0
      ? c.overdue > 0
        ? t('report.view.msg.waitingOverdue', { count: String(c.unanswered), overdue: String(c.overdue) })
        : t('report.view.msg.waiting', { count: String(c.unanswered) })
      : null,
    c.withoutWrittenFollowUp > 0
      ? t('report.view.msg.noFollowUp', { count: c.withoutWrittenFollowUp })
      : null,
  ].filter((x): x is string => x != null);
  return (
    <>
      <Text size="sm">{facts.join('; ')}.</Text>
      <ul className={classes.plain}>
        {c.messages.map((m) => {
          const reply = replyWords(words, m);
          return (
            <li key={m.id}>
              <Text size="sm">
                <Text span fw={600}>
                  {day(m.date)}
                </Text>{' '}
                · {m.label} ·{' '}
                {t('report.view.msg.with', {
                  direction: m.direction === 'sent' ? 'sent' : 'received',
                  with: m.with,
                })}
                <Refs refs={[m.ref]} />
              </Text>
              <Text size="sm">{m.subject ? `“${m.subject}”: ${m.summary}` : m.summary}</Text>
              {(reply || m.noWrittenFollowUp) && (
                <Text size="sm" mt={2}>
                  {reply && <Tag tone={reply.tone}>{reply.text}</Tag>}{' '}
                  {m.noWrittenFollowUp && <Tag tone="orange">{t('report.view.msg.notFollowedUp')}</Tag>}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The school's service logs against the family's record (issue 19): the same counts the PDF draws. */
function ReconciliationPart({
  reconciliation: r,
}: {
  reconciliation: NonNullable<ImplementationReport['serviceLogReconciliation']>;
}) {
  const t = useT('report');
  return (
    <Stack gap="xs">
      <Text size="sm">{t('report.view.logs.intro', { logs: r.logs, sentence: r.sentence })}</Text>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
      <section className={ui.tableScroll} tabIndex={0} aria-label={t('report.view.logs.table')}>
        <Table className={classes.table} verticalSpacing={4} horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.view.logs.service')}</Table.Th>
              <Table.Th scope="col">{t('report.view.logs.agree')}</Table.Th>
              <Table.Th scope="col">{t('report.view.logs.differ')}</Table.Th>
              <Table.Th scope="col">{t('report.view.logs.how')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.services.map((s) => (
              <Table.Tr key={s.serviceId}>
                <Table.Th scope="row">
                  <bdi>{s.name}</bdi>
                </Table.Th>
                <Table.Td>{s.agree}</Table.Td>
                <Table.Td>{s.differ}</Table.Td>
                <Table.Td>{s.differ === 0 ? '–' : s.sentence.replace(/^[^;]*; /u, '')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}
