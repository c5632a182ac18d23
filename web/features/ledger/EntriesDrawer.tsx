import { Alert, List, Loader, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import { get } from '../../api/client.ts';
import type { MemberRecord, ServiceLedger, SessionEntry } from '../../api/types.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDate } from '../../components/dates.ts';
import { minutesWords, plural } from '../../components/plain-words.ts';
import { SessionEntryCard } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import {
  closuresWords,
  type FigureDef,
  type Figures,
  type LedgerPeriod,
  periodName,
  periodTitle,
} from './figures.ts';

export type DrawerState = { def: FigureDef; period: LedgerPeriod | null; scope: string } | null;

type Props = {
  state: DrawerState;
  onClose(): void;
  ledger: ServiceLedger;
  householdId: string;
  entries: Map<string, SessionEntry>;
  entriesPending: boolean;
  members: MemberRecord[] | undefined;
  /** "Correct" and "Void" for an entry, for members who may change records. */
  actionsFor?: (entry: SessionEntry) => ReactNode;
};

function allIds(f: Figures) {
  const ids = f.entryIds;
  return [
    ...new Set([
      ...ids.delivered,
      ...ids.short,
      ...ids.missed,
      ...ids.extra,
      ...ids.makeup,
      ...ids.makeupApplied,
    ]),
  ];
}

/** The session entries behind one figure of the ledger, in date order. */
export function EntriesDrawer({
  state: openState,
  onClose,
  ledger,
  householdId,
  entries,
  entriesPending,
  members,
  actionsFor,
}: Props) {
  // While it closes (a correction takes its place), the drawer keeps what it showed: its title is
  // its accessible name, never empty.
  const last = useRef(openState);
  if (openState) last.current = openState;
  const state = openState ?? last.current;
  const figures: Figures | null = state ? (state.period ?? ledger.totals) : null;
  const ids = state && figures ? state.def.ids(figures) : [];
  const unlogged = state?.def.key === 'unlogged';
  // Entries the range did not bring back (rare: a correction or make-up dated elsewhere) are fetched one by one.
  const missing = entriesPending ? [] : ids.filter((id) => !entries.has(id));
  const extra = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['sessions', householdId, 'one', id],
      queryFn: () => get<SessionEntry>(`/households/${householdId}/sessions/${id}`),
    })),
  });
  const byId = new Map(entries);
  for (const q of extra) if (q.data) byId.set(q.data.id, q.data);
  const list = ids
    .map((id) => byId.get(id))
    .filter((e): e is SessionEntry => e != null)
    .sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
  const loading = entriesPending || extra.some((q) => q.isPending);
  // Make-ups that name the session they make up, by that session's id.
  const madeUpBy = new Map<string, SessionEntry[]>();
  for (const e of byId.values()) {
    if (e.kind !== 'makeup' || !e.makeupForEntryId || e.correctedByEntryId) continue;
    madeUpBy.set(e.makeupForEntryId, [...(madeUpBy.get(e.makeupForEntryId) ?? []), e]);
  }

  // Sessions more than one entry speaks of (a staff link and you): counted once, by the entry shown.
  const sharedBy = new Map(ledger.sharedSessions.map((x) => [x.countedEntryId, x]));
  const title = state && figures ? `${capitalise(state.def.words(figures))} ${state.scope}` : '';
  const unloggedPeriods = ledger.periods.filter((p) => p.unloggedMinutes > 0);
  const periodEntries = state?.period ? allIds(state.period) : [];

  return (
    <ResponsiveDrawer opened={openState != null} onClose={onClose} title={title}>
      {state && figures && (
        <Stack gap="sm" className={ui.page}>
          <Text size="sm">{state.def.explain}</Text>
          {state.def.key === 'required' && figures.requiredSessions != null && (
            <Text size="sm">
              That is {plural(figures.requiredSessions, 'session', 'sessions')}.
              {state.period && state.period.closures.length > 0
                ? ` ${closuresWords(state.period.closures)}. A closure does not lower what a week owes; the provider is expected to reschedule.`
                : ''}
            </Text>
          )}
          {state.def.key === 'stillOwed' && (
            <Text size="sm">
              {minutesWords(figures.owedMinutes)} missed and owed, less{' '}
              {minutesWords(figures.makeupAppliedMinutes)} made up, leaves{' '}
              {minutesWords(figures.owedBalanceMinutes)} still owed.
            </Text>
          )}
          {unlogged && (
            <Alert color="gray" title="No entry exists for these minutes" role="status">
              {state.period
                ? figures.unloggedMinutes > 0
                  ? `${periodTitle(state.period)}: ${minutesWords(figures.unloggedMinutes)}${figures.unloggedSessions != null ? ` (${plural(figures.unloggedSessions, 'session', 'sessions')})` : ''} required with nothing logged. Ask the school whether these sessions happened.`
                  : `${periodTitle(state.period)}: every required session has an entry.`
                : figures.unloggedMinutes > 0
                  ? 'Nobody logged these sessions, as given or as missed. Ask the school whether they happened.'
                  : 'Every required session in these dates has an entry.'}
            </Alert>
          )}
          {unlogged && !state.period && unloggedPeriods.length > 0 && (
            <>
              <Text fw={600}>Where the gaps are</Text>
              <List>
                {unloggedPeriods.map((p) => (
                  <List.Item key={p.start}>
                    {periodTitle(p)}: {minutesWords(p.unloggedMinutes)} not logged
                    {p.closures.length > 0 ? ` (${closuresWords(p.closures)})` : ''}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {unlogged && state.period && periodEntries.length > 0 && (
            <>
              <Text fw={600}>What was logged in {periodName(state.period)}</Text>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                {periodEntries
                  .map((id) => byId.get(id))
                  .filter((e): e is SessionEntry => e != null)
                  .sort((a, b) => (a.date < b.date ? -1 : 1))
                  .map((e) => (
                    <SessionEntryCard
                      key={e.id}
                      entry={e}
                      members={members}
                      byId={byId}
                      actions={actionsFor?.(e)}
                    />
                  ))}
              </Stack>
            </>
          )}
          {!unlogged && loading && <Loader size="sm" aria-label="Loading entries" />}
          {!unlogged && !loading && list.length === 0 && (
            <Text>No session entries are behind this figure.</Text>
          )}
          {!unlogged && list.length > 0 && (
            <>
              <Text fw={600}>{plural(list.length, 'entry', 'entries')}</Text>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
                {list.map((e) => (
                  <SessionEntryCard
                    key={e.id}
                    entry={e}
                    members={members}
                    byId={byId}
                    counts={withOtherSources(countsLine(state.def, e, madeUpBy), sharedBy.get(e.id))}
                    actions={actionsFor?.(e)}
                  />
                ))}
              </Stack>
            </>
          )}
        </Stack>
      )}
    </ResponsiveDrawer>
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const SOURCE_WORDS: Record<string, string> = {
  school_log: 'the school log',
  provider: 'the provider',
  provider_link: "the provider's staff link",
  parent: 'you',
  child_report: 'your child',
};
const sourceWords = (source: string) => SOURCE_WORDS[source] ?? 'a record';

const STATUS_WORDS: Record<string, string> = {
  delivered: 'it happened',
  short: 'it was shortened',
  missed: 'it did not happen',
};

/**
 * The other sources about the same session, and whether they disagree: "Also logged by you (it did
 * not happen): the sources disagree, and the school log counts" (docs/ledger-rules.md).
 */
function withOtherSources(
  base: string | undefined,
  shared: ServiceLedger['sharedSessions'][number] | undefined,
): string | undefined {
  if (!shared) return base;
  const others = shared.statements.slice(1);
  const repeats = shared.supersededEntryIds.length;
  const parts: string[] = [];
  if (others.length > 0)
    parts.push(
      `also logged by ${others.map((o) => `${sourceWords(o.source)} (${STATUS_WORDS[o.status] ?? o.status})`).join(' and ')}` +
        (shared.disagreement
          ? `: the sources disagree, and ${sourceWords(shared.statements[0]!.source)} counts (it keeps the record of the session). Ask which is right.`
          : ', counted once'),
    );
  if (repeats > 0)
    parts.push(`logged ${repeats + 1} times by the same source; counted once, as its latest entry says`);
  const extra = capitalise(parts.join('; '));
  return base ? `${base}. ${extra}` : extra;
}

/** How an entry counts in the figure shown; for an owed miss, also the make-ups that name it. */
function countsLine(def: FigureDef, e: SessionEntry, madeUpBy: Map<string, SessionEntry[]>) {
  const base = def.counts?.(e);
  if (!base || (def.key !== 'owed' && def.key !== 'stillOwed')) return base;
  const makeups = madeUpBy.get(e.id);
  if (!makeups?.length) return base;
  const when = makeups.map((m) => `${formatDate(m.date)} (${minutesWords(m.minutesDelivered)})`).join(', ');
  return `${base}; made up on ${when}`;
}
