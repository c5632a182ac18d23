import { Alert, Card, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import type {
  ImplementationReport,
  ReportAccommodation,
  ReportCommunication,
  ReportFinding,
  ReportService,
} from '../../api/types.ts';
import { datesInWords, formatDate, formatDay, formatMonth } from '../../components/dates.ts';
import { plural } from '../../components/plain-words.ts';
import { Tag } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import { Part } from './Part.tsx';
import classes from './paper-trail.module.css';

// The implementation report as a web page: the same object the PDF is drawn from, in the same order,
// kept compact for a phone. Long lists (week-by-week tables, incidents, the evidence index) fold away.

/** "Sep 8" */
const shortDate = (iso: string) => formatDate(iso).replace(/, \d{4}$/, '');
const min = (n: number) => `${n} min`;

export function ReportView({ report }: { report: ImplementationReport }) {
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="report-summary">
        <Title order={4} size="h5" id="report-summary" mb={4}>
          In short
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

      <Part id="report-services" title="Services">
        {report.ledgerUnavailable && (
          <Alert color="yellow" role="note" title="No minutes to count yet">
            {report.ledgerUnavailable}
          </Alert>
        )}
        {report.services.length === 0 && !report.ledgerUnavailable && (
          <Text size="sm">No services in these dates.</Text>
        )}
        {report.services.map((s) => (
          <ServiceCard key={s.id} service={s} />
        ))}
      </Part>

      {report.serviceLogReconciliation && (
        <Part id="report-service-logs" title="The school’s service logs and your record">
          <ReconciliationPart reconciliation={report.serviceLogReconciliation} />
        </Part>
      )}

      <Part id="report-accommodations" title="Accommodations">
        {report.accommodations.length === 0 ? (
          <Text size="sm">No accommodations in these dates.</Text>
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

      <Part id="report-behavior" title="Behavior plan">
        <BehaviorPart plan={report.behaviorPlan} />
      </Part>

      <Part id="report-messages" title="Messages, calls and meetings">
        <CommunicationPart communications={report.communications} />
      </Part>

      <Part id="report-open" title="Open items and deadlines">
        {report.recommendations.length === 0 ? (
          <Text size="sm">Nothing open on {formatDate(report.range.asOf)}.</Text>
        ) : (
          <ul className={classes.plain}>
            {report.recommendations.map((r) => (
              <li key={r.id}>
                <Paper withBorder p="sm" radius="md">
                  <Stack gap={4}>
                    <Text size="sm" fw={700}>
                      {r.urgency === 'high' && (
                        <>
                          <Tag tone="red">Soon</Tag>{' '}
                        </>
                      )}
                      {r.title}
                    </Text>
                    <Text size="sm">{r.reason}</Text>
                    <Text size="xs">
                      {r.productChoice ? 'A choice As Written makes: ' : 'Rule: '}
                      {r.basis}
                      <Refs refs={r.refs} />
                    </Text>
                    {r.deadlines.length > 0 && (
                      <List size="sm" spacing={2}>
                        {r.deadlines.map((d) => (
                          <List.Item key={`${d.label}-${d.date}`}>
                            <Text span size="sm" fw={600}>
                              {formatDay(d.date, 'weekdayShortYear')}
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

      <Part id="report-evidence" title="Evidence index">
        <Text size="sm">
          Every record the report cites, numbered in date order (E1, E2, …). Files carry their SHA-256
          fingerprint: anyone can check that a copy is the same file.
        </Text>
        <Folded summary={`Show the ${plural(report.evidence.length, 'record', 'records')}`}>
          <ul className={classes.plain}>
            {report.evidence.map((e) => (
              <li key={e.ref}>
                <Text size="sm">
                  <Text span fw={700} className={classes.ref}>
                    {e.ref}
                  </Text>{' '}
                  {formatDay(e.date, 'weekdayShortYear')} · {e.source}: {e.description}
                </Text>
                {e.files.map((f) => (
                  <Text size="xs" key={f.attachmentId} ml="md">
                    File “<bdi>{f.filename}</bdi>” ({Math.max(1, Math.round(f.size / 1024))} KB), SHA-256{' '}
                    <span className={classes.mono}>{f.sha256}</span>
                  </Text>
                ))}
              </li>
            ))}
          </ul>
        </Folded>
        <Text size="sm">
          {report.journal.verified
            ? `When this report was made, the record verified: the journal held ${plural(report.journal.entries, 'entry', 'entries')}, its chain checked whole, and all ${plural(report.journal.recordsChecked, 'record', 'records')} matched what the journal says.`
            : `When this report was made, the record did not verify: ${report.journal.firstProblem ?? 'a problem was found'}.`}{' '}
          {report.journal.headHash && (
            <>
              Last fingerprint: <span className={classes.mono}>{report.journal.headHash}</span>
            </>
          )}
        </Text>
        {report.journal.recordsDiffering > 0 && (
          <Alert color="red" role="alert" title="Records that do not match the journal">
            {plural(report.journal.recordsDiffering, 'record differs', 'records differ')} from what the
            journal says. The first: {report.journal.recordProblem}. “Check the record” lists them.
          </Alert>
        )}
        {report.journal.attachmentProblems.length > 0 && (
          <Alert color="red" role="alert" title="Files that do not match">
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
  if (refs.length === 0) return null;
  const shown =
    refs.length > 6 ? `${refs.slice(0, 6).join(', ')} and ${refs.length - 6} more` : refs.join(', ');
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
function foldTitle(rows: ReportService['rows']): string {
  if (rows.every((r) => r.unit === 'week')) return 'Week by week';
  if (rows.every((r) => r.unit === 'month')) return 'Month by month';
  return 'By period';
}

function rowTitle(row: ReportService['rows'][number]): string {
  if (row.unit === 'week') return `Week of ${shortDate(row.start)}`;
  if (row.unit === 'month') return formatMonth(row.start);
  // A term or a cycle is named by the ledger ("Quarter 2 (2026-11-09 to 2027-01-29)"): its name, dates in words.
  if (row.unit === 'term' || row.unit === 'cycle') return datesInWords(row.label, 'monthDay');
  return row.start === row.end ? shortDate(row.start) : `${shortDate(row.start)} – ${shortDate(row.end)}`;
}

const COUNTED_AS = { owed: 'make-up owed', excused: 'excused', pending: 'waiting for your answer' } as const;

function ServiceCard({ service: s }: { service: ReportService }) {
  const headingId = useId();
  const t = s.totals;
  const extra = [
    t.excusedMinutes > 0 ? `${min(t.excusedMinutes)} excused` : null,
    t.unloggedMinutes > 0
      ? `${min(t.unloggedMinutes)}${t.unloggedSessions ? ` (${plural(t.unloggedSessions, 'session', 'sessions')})` : ''} not logged by anyone`
      : null,
    t.pendingMinutes > 0 ? `${min(t.pendingMinutes)} waiting for you to say who is responsible` : null,
    s.unappliedMakeupMinutes > 0
      ? `${min(s.unappliedMakeupMinutes)} of make-ups not matched to a miss`
      : null,
  ].filter((x): x is string => x != null);
  const hasPending = s.rows.some((r) => r.pendingMinutes > 0);
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <div>
          <Title order={5} id={headingId}>
            {s.name}
          </Title>
          {(s.sourceText || s.providerRole) && (
            <Text size="xs">
              {s.sourceText ? `The plan says: “${s.sourceText}”` : ''}
              {s.sourceText && s.providerRole ? ' · ' : ''}
              {s.providerRole ?? ''}
            </Text>
          )}
        </div>
        <dl className={classes.figures}>
          <Figure label="Required" value={min(t.requiredMinutes)} />
          <Figure
            label="Delivered"
            value={`${min(t.deliveredMinutes)}${t.percentDelivered != null ? ` (${t.percentDelivered}%)` : ''}`}
          />
          <Figure label="Owed as make-ups" value={min(t.owedMinutes)} />
          <Figure label="Made up" value={min(t.makeupMinutes)} />
          <Figure label="Still owed" value={min(t.owedBalanceMinutes)} />
        </dl>
        {extra.length > 0 && <Text size="xs">Also: {extra.join(' · ')}.</Text>}
        {s.ledgerNotes.map((n) => (
          <Text size="xs" key={n}>
            {datesInWords(n)}
          </Text>
        ))}
        {s.rows.length > 0 && (
          <Folded summary={foldTitle(s.rows)}>
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
            <section className={ui.tableScroll} tabIndex={0} aria-label={`${s.name}, minutes by period`}>
              <Table className={classes.table} verticalSpacing={4} horizontalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Dates</Table.Th>
                    <Table.Th scope="col">Required</Table.Th>
                    <Table.Th scope="col">Delivered</Table.Th>
                    <Table.Th scope="col">Owed</Table.Th>
                    <Table.Th scope="col">Made up</Table.Th>
                    <Table.Th scope="col">Excused</Table.Th>
                    <Table.Th scope="col">Not logged</Table.Th>
                    {hasPending && <Table.Th scope="col">Waiting</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.rows.map((r) => (
                    <Table.Tr key={`${r.unit}-${r.start}`}>
                      <Table.Th scope="row">
                        {rowTitle(r)}
                        {r.closures.length > 0 && (
                          <span className={classes.note}>{datesInWords(r.closures.join(', '))}</span>
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
                    <Table.Th scope="row">Total (minutes)</Table.Th>
                    <Table.Td>{t.requiredMinutes}</Table.Td>
                    <Table.Td>{t.deliveredMinutes}</Table.Td>
                    <Table.Td>{t.owedMinutes}</Table.Td>
                    <Table.Td>{t.makeupMinutes}</Table.Td>
                    <Table.Td>{t.excusedMinutes}</Table.Td>
                    <Table.Td>{t.unloggedMinutes}</Table.Td>
                    {hasPending && <Table.Td>{t.pendingMinutes}</Table.Td>}
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </section>
          </Folded>
        )}
        {s.exceptions.length > 0 && (
          <Folded summary={`Sessions missed, short or made up (${s.exceptions.length})`}>
            <ul className={classes.plain}>
              {s.exceptions.map((e) => (
                <li key={e.entryId}>
                  <Text size="sm">
                    <Text span fw={600}>
                      {formatDay(e.date, 'weekdayShortYear')}
                    </Text>
                    {': '}
                    {e.kind === 'makeup'
                      ? `make-up, ${min(e.minutesDelivered)}${e.makesUpDate ? ` for ${shortDate(e.makesUpDate)}` : ''}`
                      : `${e.status === 'short' ? `short by ${min(e.minutesMissed)}` : `missed, ${min(e.minutesMissed)}`}${e.countedAs ? `, ${COUNTED_AS[e.countedAs]}` : ''}`}
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

const OUTCOME = { not_provided: 'not provided', partly: 'partly provided' } as const;

function AccommodationItem({ accommodation: a }: { accommodation: ReportAccommodation }) {
  const seen = a.provided + a.partly + a.notProvided;
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" fw={700}>
        {a.text}
      </Text>
      <Text size="sm">
        {seen === 0
          ? 'Not observed in these dates.'
          : `Provided ${a.provided} of ${plural(seen, 'time', 'times')} noted${a.partly > 0 ? `, partly ${a.partly}` : ''}${a.providedPercent != null ? ` (${a.providedPercent}%)` : ''}.`}
        {a.unknown > 0 ? ` ${a.unknown} not sure.` : ''}
      </Text>
      {a.lapses.length > 0 && (
        <List size="xs" spacing={2} mt={4}>
          {a.lapses.map((l) => (
            <List.Item key={`${l.recordId}-${l.date}-${l.className ?? ''}`}>
              {formatDay(l.date, 'weekdayShortYear')}: {OUTCOME[l.outcome]}
              {l.className ? `, ${l.className}` : ''}
              {l.setting ? ` (${l.setting})` : ''}
              {l.teacherKind === 'substitute' ? ', substitute teacher' : ''} · {l.source}
              {l.disagreeing.length > 0 ? ` (${l.disagreeing.join('; ')}: says otherwise)` : ''}
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
  if (findings.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={700}>
        Patterns, as questions to ask
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
  const t = plan.totals;
  // The steps staff could follow or skip in an incident (a trigger is neither).
  const noted = plan.steps.filter((s) => s.followed + s.skipped > 0);
  if (plan.steps.length === 0 && t.incidents === 0)
    return <Text size="sm">No behavior plan steps or incidents in these dates.</Text>;
  return (
    <>
      <Text size="sm">
        {t.incidents === 0
          ? 'No incidents noted in these dates.'
          : `${plural(t.incidents, 'incident', 'incidents')} noted. A step of the plan was skipped in ${t.incidentsWithStepsSkipped}; the plan’s reward was used in ${t.rewardUsed} and not used in ${t.rewardNotUsed}; the consequence went against the plan in ${t.consequenceAgainstPlan}.`}
      </Text>
      {noted.length > 0 && (
        <List size="sm" spacing={2}>
          {noted.map((s) => (
            <List.Item key={s.id}>
              {s.text}: followed {s.followed}, skipped {s.skipped}
            </List.Item>
          ))}
        </List>
      )}
      {plan.incidents.length > 0 && (
        <Folded summary={`The incidents (${plan.incidents.length})`}>
          <ul className={classes.plain}>
            {plan.incidents.map((i) => (
              <li key={i.id}>
                <Text size="sm">
                  <Text span fw={600}>
                    {formatDay(i.date, 'weekdayShortYear')}
                  </Text>
                  : {i.summary} · {i.source}
                  <Refs refs={[i.ref]} />
                </Text>
                {i.stepsSkipped.length > 0 && <Text size="xs">Skipped: {i.stepsSkipped.join('; ')}</Text>}
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
  m: ReportCommunication,
): { text: string; tone: 'green' | 'orange' | 'blue' | 'gray' } | null {
  const r = m.reply;
  switch (r.state) {
    case 'answered':
      return {
        text: r.responseDays != null ? `Answered in ${plural(r.responseDays, 'day', 'days')}` : 'Answered',
        tone: 'green',
      };
    case 'overdue':
      return {
        text: r.promised
          ? `No answer by the promised date — ${plural(r.daysLate ?? 0, 'day', 'days')} late`
          : `No reply — ${plural(r.daysLate ?? 0, 'day', 'days')} late`,
        tone: 'orange',
      };
    case 'holding':
      return { text: `Answer promised by ${r.dueBy ? shortDate(r.dueBy) : 'later'}`, tone: 'blue' };
    case 'waiting':
      return { text: `Waiting for a reply until ${r.dueBy ? shortDate(r.dueBy) : 'later'}`, tone: 'blue' };
    case 'closed':
      return { text: 'No reply needed any more', tone: 'gray' };
    default:
      return null;
  }
}

function CommunicationPart({
  communications: c,
}: {
  communications: ImplementationReport['communications'];
}) {
  if (c.messages.length === 0) return <Text size="sm">Nothing logged in these dates.</Text>;
  const facts = [
    `${plural(c.sent, 'sent', 'sent')}, ${c.received} received`,
    c.answered > 0
      ? `${plural(c.answered, 'reply', 'replies')}, after ${c.averageResponseDays ?? 0} ${c.averageResponseDays === 1 ? 'day' : 'days'} on average`
      : null,
    c.unanswered > 0
      ? `${c.unanswered} still waiting for a reply${c.overdue > 0 ? ` (${c.overdue} past the reply date)` : ''}`
      : null,
    c.withoutWrittenFollowUp > 0
      ? `${plural(c.withoutWrittenFollowUp, 'call or meeting', 'calls or meetings')} not followed up in writing`
      : null,
  ].filter((x): x is string => x != null);
  return (
    <>
      <Text size="sm">{facts.join('; ')}.</Text>
      <ul className={classes.plain}>
        {c.messages.map((m) => {
          const reply = replyWords(m);
          return (
            <li key={m.id}>
              <Text size="sm">
                <Text span fw={600}>
                  {formatDay(m.date, 'weekdayShortYear')}
                </Text>{' '}
                · {m.label} · {m.direction === 'sent' ? 'to' : 'from'} {m.with}
                <Refs refs={[m.ref]} />
              </Text>
              <Text size="sm">{m.subject ? `“${m.subject}”: ${m.summary}` : m.summary}</Text>
              {(reply || m.noWrittenFollowUp) && (
                <Text size="sm" mt={2}>
                  {reply && <Tag tone={reply.tone}>{reply.text}</Tag>}{' '}
                  {m.noWrittenFollowUp && <Tag tone="orange">Not followed up in writing</Tag>}
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
  return (
    <Stack gap="xs">
      <Text size="sm">
        {r.logs === 1 ? 'One service log' : `${r.logs} service logs`} from the school, compared session by
        session with your record: {r.sentence}
      </Text>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it */}
      <section className={ui.tableScroll} tabIndex={0} aria-label="Service logs, sessions by service">
        <Table className={classes.table} verticalSpacing={4} horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Service</Table.Th>
              <Table.Th scope="col">Agree</Table.Th>
              <Table.Th scope="col">Differ</Table.Th>
              <Table.Th scope="col">How they differ</Table.Th>
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
