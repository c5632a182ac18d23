import { Alert, List, Loader, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { type ReactNode, useRef } from 'react';
import { get } from '../../api/client.ts';
import type { MemberRecord, ServiceLedger, SessionEntry } from '../../api/types.ts';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { SessionEntryCard } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import {
  type FigureDef,
  type Figures,
  type LedgerPeriod,
  type LedgerWords,
  useLedgerWords,
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
  const words = useLedgerWords();
  const { t, closuresWords, periodName, periodTitle, capitalise } = words;
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
  const title =
    state && figures
      ? t('ledger.drawer.title', { figure: capitalise(state.def.words(figures)), scope: state.scope })
      : '';
  const unloggedPeriods = ledger.periods.filter((p) => p.unloggedMinutes > 0);
  const periodEntries = state?.period ? allIds(state.period) : [];

  return (
    <ResponsiveDrawer opened={openState != null} onClose={onClose} title={title}>
      {state && figures && (
        <Stack gap="sm" className={ui.page}>
          <Text size="sm">{state.def.explain}</Text>
          {state.def.key === 'required' && figures.requiredSessions != null && (
            <Text size="sm">
              {t('ledger.drawer.sessions', { count: figures.requiredSessions })}
              {state.period && state.period.closures.length > 0
                ? ` ${t('ledger.drawer.closureNote', { closures: closuresWords(state.period.closures) })}`
                : ''}
            </Text>
          )}
          {state.def.key === 'stillOwed' && (
            <Text size="sm">
              {t('ledger.drawer.stillOwed', {
                owed: figures.owedMinutes,
                madeUp: figures.makeupAppliedMinutes,
                balance: figures.owedBalanceMinutes,
              })}
            </Text>
          )}
          {unlogged && (
            <Alert color="gray" title={t('ledger.drawer.noEntry')} role="status">
              {state.period
                ? figures.unloggedMinutes > 0
                  ? figures.unloggedSessions != null
                    ? t('ledger.drawer.unloggedPeriodSessions', {
                        period: periodTitle(state.period),
                        minutes: figures.unloggedMinutes,
                        sessions: figures.unloggedSessions,
                      })
                    : t('ledger.drawer.unloggedPeriod', {
                        period: periodTitle(state.period),
                        minutes: figures.unloggedMinutes,
                      })
                  : t('ledger.drawer.periodComplete', { period: periodTitle(state.period) })
                : figures.unloggedMinutes > 0
                  ? t('ledger.drawer.unloggedTotal')
                  : t('ledger.drawer.totalComplete')}
            </Alert>
          )}
          {unlogged && !state.period && unloggedPeriods.length > 0 && (
            <>
              <Text fw={600}>{t('ledger.drawer.gaps')}</Text>
              <List>
                {unloggedPeriods.map((p) => (
                  <List.Item key={p.start}>
                    {p.closures.length > 0
                      ? t('ledger.drawer.gapClosures', {
                          period: periodTitle(p),
                          minutes: p.unloggedMinutes,
                          closures: closuresWords(p.closures),
                        })
                      : t('ledger.drawer.gap', { period: periodTitle(p), minutes: p.unloggedMinutes })}
                  </List.Item>
                ))}
              </List>
            </>
          )}
          {unlogged && state.period && periodEntries.length > 0 && (
            <>
              <Text fw={600}>{t('ledger.drawer.loggedIn', { period: periodName(state.period) })}</Text>
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
          {!unlogged && loading && <Loader size="sm" aria-label={t('ledger.drawer.loadingEntries')} />}
          {!unlogged && !loading && list.length === 0 && <Text>{t('ledger.drawer.noEntries')}</Text>}
          {!unlogged && list.length > 0 && (
            <>
              <Text fw={600}>{t('ledger.drawer.entries', { count: list.length })}</Text>
              <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
                {list.map((e) => (
                  <SessionEntryCard
                    key={e.id}
                    entry={e}
                    members={members}
                    byId={byId}
                    counts={withOtherSources(
                      words,
                      countsLine(words, state.def, e, madeUpBy),
                      sharedBy.get(e.id),
                    )}
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

const SOURCES = ['school_log', 'provider', 'provider_link', 'parent', 'child_report'] as const;
const STATUSES = ['delivered', 'short', 'missed'] as const;

function isOneOf<T extends string>(value: string, values: readonly T[]): value is T {
  return (values as readonly string[]).includes(value);
}

const sourceWords = ({ t }: LedgerWords, source: string) =>
  isOneOf(source, SOURCES) ? t(`ledger.source.${source}` as const) : t('ledger.source.other');

const statusWords = ({ t }: LedgerWords, status: string) =>
  isOneOf(status, STATUSES) ? t(`ledger.status.${status}` as const) : status;

/**
 * The other sources about the same session, and whether they disagree: "Also logged by you (it did
 * not happen): the sources disagree, and the school log counts" (docs/ledger-rules.md).
 */
function withOtherSources(
  words: LedgerWords,
  base: string | undefined,
  shared: ServiceLedger['sharedSessions'][number] | undefined,
): string | undefined {
  if (!shared) return base;
  const { t, capitalise } = words;
  const others = shared.statements.slice(1);
  const repeats = shared.supersededEntryIds.length;
  const parts: string[] = [];
  if (others.length > 0) {
    const list = new Intl.ListFormat(words.language, { type: 'conjunction' }).format(
      others.map((o) =>
        t('ledger.shared.statement', {
          source: sourceWords(words, o.source),
          status: statusWords(words, o.status),
        }),
      ),
    );
    parts.push(
      shared.disagreement
        ? t('ledger.shared.disagree', {
            others: list,
            counting: sourceWords(words, shared.statements[0]!.source),
          })
        : t('ledger.shared.once', { others: list }),
    );
  }
  if (repeats > 0) parts.push(t('ledger.shared.repeats', { times: repeats + 1 }));
  const extra = capitalise(parts.join('; '));
  return base ? `${base}. ${extra}` : extra;
}

/** How an entry counts in the figure shown; for an owed miss, also the make-ups that name it. */
function countsLine(
  words: LedgerWords,
  def: FigureDef,
  e: SessionEntry,
  madeUpBy: Map<string, SessionEntry[]>,
) {
  const base = def.counts?.(e);
  if (!base || (def.key !== 'owed' && def.key !== 'stillOwed')) return base;
  const makeups = madeUpBy.get(e.id);
  if (!makeups?.length) return base;
  const when = makeups
    .map((m) =>
      words.t('ledger.drawer.makeupWhen', { date: words.date(m.date), minutes: m.minutesDelivered }),
    )
    .join(', ');
  return words.t('ledger.drawer.madeUpOn', { counts: base, when });
}
