import { Alert, Button, Card, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { RECOMMENDATIONS_SHOWN } from '../../../src/domain/advisor-settings.ts';
import { FINDING_RULES } from '../../../src/domain/implementation-patterns.ts';
import { get } from '../../api/client.ts';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Advice, LetterRequest, Recommendation, TeamContact } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { ResponsiveDrawer } from '../../components/Dialogs.tsx';
import { formatDay } from '../../components/dates.ts';
import { LoadingCards } from '../../components/LoadState.tsx';
import {
  currentPlan,
  useAccommodationsOfPlan,
  useChildServices,
  usePlans,
} from '../../components/queries.ts';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { type T, useTParts } from '../../i18n/i18n.tsx';
import { useTeamContacts } from '../communications/communication-words.ts';
import { LetterPicker, type PickerStart } from '../letters/LetterPicker.tsx';
import { letterKindName, useDraftLetter } from '../letters/letter-api.ts';
import { AdvisorSettingsForm } from './AdvisorSettingsForm.tsx';
import {
  type AdvisorWords,
  actionWords,
  confidenceWords,
  SETTINGS,
  settingLabel,
  settingValueWords,
  urgencyHeading,
  useAdvisorWords,
} from './advisor-words.ts';

// What to do next, and by when: the advisor's recommendations over the whole record, most urgent first,
// each with its reason, how sure it is, why (the rule and its source, or a product choice), the deadlines,
// the entries behind it, the next step on the ladder, and the letter to draft. Then what is coming up, and
// the settings behind the suggestions.

type Known = {
  services: Set<string>;
  accommodations: Set<string>;
};

type Draftable = { request: LetterRequest } | { picker: PickerStart };

const ESCALATION_TO = new Set(['principal', 'director', 'superintendent', 'board']);

/** The letter a recommendation asks for, with the options it needs from the record. */
function letterFor(t: T, rec: Recommendation, known: Known): Draftable {
  const aboutService = known.services.has(rec.subjectId) ? rec.subjectId : null;
  const aboutAccommodation = known.accommodations.has(rec.subjectId) ? rec.subjectId : null;
  switch (rec.letterKind) {
    case 'follow_up_unanswered': {
      const message = rec.entries.sentMessageIds[0] ?? rec.subjectId;
      const addressed = rec.ladderStep?.addressedTo;
      const copy =
        rec.rule === 'reply_overdue_after_follow_up' &&
        (addressed === 'principal' || addressed === 'director')
          ? addressed
          : undefined;
      return {
        request: { kind: 'follow_up_unanswered', communicationId: message, ...(copy ? { copy } : {}) },
      };
    }
    case 'follow_up_verbal':
      return { request: { kind: 'follow_up_verbal', communicationId: rec.subjectId } };
    case 'request_iep_meeting':
      return rec.rule === 'communication_breakdown'
        ? {
            request: {
              kind: 'request_iep_meeting',
              // Words of the letter to the school, which As Written drafts in English.
              reasons: [t('advisor.letter.breakdownReason')],
            },
          }
        : { request: { kind: 'request_iep_meeting' } };
    case 'specific_concern':
      if (aboutAccommodation)
        return { request: { kind: 'specific_concern', accommodationId: aboutAccommodation } };
      if (aboutService) return { request: { kind: 'specific_concern', serviceId: aboutService } };
      return {
        picker: {
          kind: 'specific_concern',
          intro: t('advisor.picker.concernIntro'),
        },
      };
    case 'request_service_logs':
      return aboutService
        ? { request: { kind: 'request_service_logs', serviceId: aboutService } }
        : { picker: { kind: 'request_service_logs' } };
    case 'check_in':
      return { request: { kind: 'check_in', period: rec.rule === 'goal_no_data' ? 'mid_term' : 'weekly' } };
    case 'escalation': {
      const addressed = rec.ladderStep?.addressedTo;
      const to = addressed && ESCALATION_TO.has(addressed) ? addressed : 'principal';
      return {
        request: {
          kind: 'escalation',
          to,
          ...(aboutService ? { serviceId: aboutService } : {}),
          ...(aboutAccommodation ? { accommodationId: aboutAccommodation } : {}),
        },
      };
    }
    case 'state_complaint':
      return { request: { kind: 'state_complaint' } };
    case 'ocr_complaint_outline':
      return { request: { kind: 'ocr_complaint_outline' } };
    case 'board_appeal':
      return { request: { kind: 'board_appeal', ...(aboutService ? { serviceId: aboutService } : {}) } };
  }
}

/** Where the entries behind a recommendation are kept, named by `advisor.card.entries`. */
type EntryKind = 'message' | 'note' | 'session' | 'goal' | 'behavior' | 'observation';
type EntryGroup = { count: number; kind: EntryKind; href: string };

const BEHAVIOR_FINDINGS = new Set<string>([
  FINDING_RULES.stepSkipped,
  FINDING_RULES.rewardsUnused,
  FINDING_RULES.consequenceContradicted,
]);

/** The entries behind a recommendation, by where they are kept. */
function entryGroups(rec: Recommendation, known: Known): EntryGroup[] {
  // Which entries are messages and notes is the server's answer (rec.entries): the screen does not load
  // every message of the child to find out.
  const { messages, notes } = rec.entries;
  const others = rec.entryIds.length - messages - notes;
  const groups: EntryGroup[] = [];
  if (messages > 0) groups.push({ count: messages, kind: 'message', href: '/communications' });
  if (notes > 0) groups.push({ count: notes, kind: 'note', href: '/communications' });
  if (others > 0) {
    const findingRule = rec.rule === 'pattern_concern' ? (rec.id.split(':')[1] ?? '') : '';
    if (
      rec.rule.startsWith('service_') ||
      rec.rule === 'sources_disagree' ||
      findingRule === FINDING_RULES.pullOutConflict
    ) {
      const service = known.services.has(rec.subjectId) ? `/ledger/${rec.subjectId}` : '/ledger';
      groups.push({ count: others, kind: 'session', href: service });
    } else if (rec.rule.startsWith('goal_')) {
      groups.push({ count: others, kind: 'goal', href: '/goals' });
    } else if (BEHAVIOR_FINDINGS.has(findingRule)) {
      groups.push({ count: others, kind: 'behavior', href: '/behavior' });
    } else {
      groups.push({ count: others, kind: 'observation', href: '/accommodations' });
    }
  }
  return groups;
}

export default function AdvisorPage() {
  const { householdId, child } = useHouseholdChild();
  const words = useAdvisorWords();
  const { t, locale } = words;
  const tParts = useTParts();
  const advice = useQuery({
    queryKey: ['advice', householdId, child.id],
    queryFn: () => get<Advice>(`/households/${householdId}/children/${child.id}/advice`),
  });
  const plans = usePlans(householdId, child.id);
  const plan = currentPlan(plans.data ?? []);
  // Every plan's services: a recommendation may be about a service of an earlier plan (make-up minutes
  // it still owes after the annual review renewed the plan).
  const services = useChildServices(householdId, child.id);
  const accommodations = useAccommodationsOfPlan(householdId, plan?.id);
  const contacts = useTeamContacts(householdId, child.id);
  const drafting = useCan('letter.draft');
  const changesSettings = useCan('plan.write');
  const { draft, busy } = useDraftLetter(householdId, child.id);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [picker, setPicker] = useState<PickerStart | null>(null);
  const [pickerOpened, setPickerOpened] = useState(false);
  const [opening, setOpening] = useState(0);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [showAll, setShowAll] = useState(false);

  const known: Known = {
    services: new Set(services.services.map((s) => s.id)),
    accommodations: new Set((accommodations.data ?? []).map((a) => a.id)),
  };
  const contactById = new Map((contacts.data ?? []).map((c) => [c.id, c]));

  const draftFor = async (rec: Recommendation) => {
    setErrors((e) => ({ ...e, [rec.id]: '' }));
    const letter = letterFor(t, rec, known);
    if ('picker' in letter) {
      setPicker(letter.picker);
      setOpening((n) => n + 1);
      setPickerOpened(true);
      return;
    }
    const message = await draft(letter.request, rec.id);
    if (message) setErrors((e) => ({ ...e, [rec.id]: message }));
  };

  const recs = advice.data?.recommendations ?? [];
  // Most urgent first; the first few are shown, the rest behind "more" (RECOMMENDATIONS_SHOWN).
  const shown = showAll ? recs : recs.slice(0, RECOMMENDATIONS_SHOWN);
  const hidden = recs.length - shown.length;
  const byUrgency = (['high', 'normal', 'low'] as const)
    .map((u) => ({ urgency: u, list: shown.filter((r) => r.urgency === u) }))
    .filter((g) => g.list.length > 0);
  const pending = advice.isPending;
  const error = advice.error ?? null;

  return (
    <Stack gap="lg" maw={1000} className={contrast.scope}>
      <div>
        <Title order={2}>{t('advisor.title')}</Title>
        <Text>{tParts('advisor.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
      </div>

      {error && (
        <Alert color="red" title={t('advisor.loadError')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{error.message}</Text>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                void advice.refetch();
              }}
            >
              {t('common.tryAgain')}
            </Button>
          </Stack>
        </Alert>
      )}
      {pending && !error && <LoadingCards label={t('advisor.loading')} heights={[160, 160]} />}

      {advice.data && !pending && (
        <>
          {recs.length === 0 && <Text>{t('advisor.nothing')}</Text>}
          {byUrgency.map((group) => (
            <section key={group.urgency} aria-labelledby={`advice-${group.urgency}`}>
              <Title order={3} size="h4" id={`advice-${group.urgency}`}>
                {urgencyHeading(t, group.urgency).title}
              </Title>
              <Text size="sm" mb="xs">
                {urgencyHeading(t, group.urgency).hint}
              </Text>
              <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
                {group.list.map((rec) => (
                  <li key={rec.id}>
                    <RecommendationCard
                      rec={rec}
                      groups={entryGroups(rec, known)}
                      words={words}
                      contacts={contactById}
                      canDraft={drafting}
                      busy={busy === rec.id}
                      error={errors[rec.id] || null}
                      onDraft={() => void draftFor(rec)}
                    />
                  </li>
                ))}
              </Stack>
            </section>
          ))}

          {(hidden > 0 || (showAll && recs.length > RECOMMENDATIONS_SHOWN)) && (
            <Group>
              <Button variant="default" onClick={() => setShowAll((v) => !v)} aria-expanded={showAll}>
                {showAll
                  ? t('advisor.showFirst', { count: RECOMMENDATIONS_SHOWN })
                  : t('advisor.showMore', { count: hidden })}
              </Button>
            </Group>
          )}

          <section aria-labelledby="advice-coming-up">
            <Title order={3} size="h4" id="advice-coming-up" mb="xs">
              {t('advisor.comingUp')}
            </Title>
            {advice.data.reminders.length === 0 ? (
              <Text>{t('advisor.comingUp.none')}</Text>
            ) : (
              <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                {advice.data.reminders.map((r) => (
                  <Paper component="li" key={r.id} withBorder p="sm" radius="md">
                    <Text size="sm" fw={700}>
                      {t('advisor.comingUp.when', {
                        date: formatDay(r.date, 'weekdayLong', locale),
                        title: r.title,
                      })}
                    </Text>
                    <Text size="sm">{r.detail}</Text>
                  </Paper>
                ))}
              </Stack>
            )}
          </section>

          <section aria-labelledby="advice-settings">
            <Title order={3} size="h4" id="advice-settings">
              {t('advisor.decides.title')}
            </Title>
            <Text size="sm" mb="xs">
              {t('advisor.decides.intro')}
            </Text>
            <Button
              variant="default"
              aria-expanded={settingsOpen}
              aria-controls={settingsOpen ? 'advice-settings-panel' : undefined}
              onClick={() => setSettingsOpen((o) => !o)}
            >
              {t('advisor.decides.toggle', { open: settingsOpen ? 'yes' : 'no' })}
            </Button>
            {settingsOpen && (
              <Paper withBorder p="md" radius="md" mt="sm" id="advice-settings-panel">
                <AdvisorSettingsForm
                  householdId={householdId}
                  settings={advice.data.settings}
                  canChange={changesSettings}
                />
              </Paper>
            )}
          </section>
        </>
      )}

      {drafting && (
        <ResponsiveDrawer
          opened={pickerOpened}
          onClose={() => setPickerOpened(false)}
          title={t('advisor.picker.title')}
        >
          {picker && (
            <LetterPicker
              key={opening}
              householdId={householdId}
              childId={child.id}
              start={picker}
              onCancel={() => setPickerOpened(false)}
            />
          )}
        </ResponsiveDrawer>
      )}
    </Stack>
  );
}

function RecommendationCard({
  rec,
  groups,
  words,
  contacts,
  canDraft,
  busy,
  error,
  onDraft,
}: {
  rec: Recommendation;
  groups: EntryGroup[];
  words: AdvisorWords;
  contacts: Map<string, TeamContact>;
  canDraft: boolean;
  busy: boolean;
  error: string | null;
  onDraft(): void;
}) {
  const headingId = useId();
  const { t, locale } = words;
  const tParts = useTParts();
  const citation = rec.citation;
  const names = rec.contactIds.map((id) => contacts.get(id)?.name).filter((n): n is string => !!n);
  const step = rec.ladderStep;
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-rule={rec.rule}
    >
      <Stack gap="xs">
        <Group gap={6}>
          <Tag tone={rec.urgency === 'high' ? 'red' : rec.action === 'escalate' ? 'orange' : 'blue'}>
            {actionWords(t, rec.action)}
          </Tag>
        </Group>
        <Title order={4} size="h5" id={headingId}>
          {rec.title}
        </Title>
        <Text>{rec.reason}</Text>
        <Text size="sm">
          {tParts('advisor.card.howSure', {
            label: (
              <Text span fw={700}>
                {t('advisor.card.howSureLabel')}
              </Text>
            ),
            level: confidenceWords(t, rec.confidence.level),
            why: rec.confidence.why,
          })}
        </Text>
        {rec.alsoCovers && rec.alsoCovers.length > 0 && (
          <Text size="sm">
            {t('advisor.card.alsoCovers', { titles: rec.alsoCovers.map((c) => c.title).join('; ') })}
          </Text>
        )}
        <div>
          <Text size="sm" fw={700}>
            {t('advisor.card.why')}
          </Text>
          {'productChoice' in citation ? (
            <Text size="sm">
              <Tag tone="gray">{t('advisor.card.productChoiceTag')}</Tag>{' '}
              {t('advisor.card.choice', {
                yours: rec.thresholds.some((n) => 'productChoice' in n.basis) ? 'yes' : 'no',
              })}{' '}
              {citation.text}
            </Text>
          ) : (
            <Text size="sm">
              <Tag tone="gray">{t('advisor.card.citationKind', { kind: citation.kind })}</Tag> {citation.text}{' '}
              <Text span fs="italic">
                ({citation.source})
              </Text>
            </Text>
          )}
          {rec.thresholds.length > 0 && (
            <Text size="sm">
              {t('advisor.card.numbersUsed', {
                numbers: rec.thresholds
                  .map((n) => {
                    const known = n.name in SETTINGS ? (n.name as keyof typeof SETTINGS) : null;
                    return t('advisor.card.number', {
                      label: known ? settingLabel(t, known) : n.name,
                      value: known ? settingValueWords(words, known, n.value) : String(n.value),
                      basis: 'productChoice' in n.basis ? t('advisor.card.yourSetting') : n.basis.source,
                    });
                  })
                  .join('; '),
              })}
            </Text>
          )}
        </div>
        {rec.deadlines.length > 0 && (
          <div>
            <Text size="sm" fw={700}>
              {t('advisor.card.datesToKnow')}
            </Text>
            <List size="sm" spacing={2}>
              {rec.deadlines.map((d) => (
                <List.Item key={`${d.label}-${d.date}`}>
                  {tParts('advisor.card.deadline', {
                    date: (
                      <Text span size="sm" fw={600}>
                        {formatDay(d.date, 'weekdayLongYear', locale)}
                      </Text>
                    ),
                    label: d.label,
                    source: (
                      <Text span size="sm" fs="italic">
                        {t('advisor.card.deadlineSource', {
                          source:
                            'productChoice' in d.citation
                              ? t('advisor.card.aProductChoice')
                              : d.citation.source,
                        })}
                      </Text>
                    ),
                  })}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {groups.length > 0 ? (
          <Text size="sm">
            {tParts('advisor.card.basedOn', {
              entries: listOf(
                tParts,
                groups.map((g) => (
                  <TextLink key={g.kind} href={g.href}>
                    {t('advisor.card.entries', { kind: g.kind, count: g.count })}
                  </TextLink>
                )),
              ),
            })}
          </Text>
        ) : (
          rec.entryIds.length === 0 && (
            <Text size="sm">
              {tParts('advisor.card.basedOnPlan', {
                link: <TextLink href="/plan">{t('advisor.card.planLink')}</TextLink>,
              })}
            </Text>
          )
        )}
        {step && (
          <Text size="sm">
            {tParts('advisor.card.nextStep', {
              label: (
                <Text span fw={700}>
                  {t('advisor.card.nextStepLabel')}
                </Text>
              ),
              step:
                step.kind === 'person' && step.rung > 1
                  ? t('advisor.card.stepPerson', { step: lowerFirst(step.label) })
                  : step.label,
              hasNames: names.length > 0 ? 'yes' : 'no',
              names: names.join(', '),
              hasNote: step.note ? 'yes' : 'no',
              note: step.note ?? '',
            })}
          </Text>
        )}
        {canDraft && (
          <Stack gap={4} align="flex-start" mt={4}>
            <Button
              color="blue.8"
              loading={busy}
              onClick={onDraft}
              aria-label={t('advisor.card.draftLabel', { title: rec.title })}
            >
              {t('advisor.card.draft')}
            </Button>
            <Text size="sm">{t('advisor.card.letterKind', { name: letterKindName(rec.letterKind, t) })}</Text>
          </Stack>
        )}
        {error && (
          <Alert color="red" role="alert" title={t('advisor.card.notDrafted')}>
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "A", "A and B", "A, B and C", in the reader's language (at most three kinds of entries). */
function listOf(tParts: ReturnType<typeof useTParts>, items: ReactNode[]): ReactNode {
  const [first, second, third] = items;
  if (items.length === 1) return first;
  if (items.length === 2) return tParts('advisor.card.listTwo', { first, second });
  // Four or more never happens (messages, notes, and one other kind); any rest joins the third.
  return tParts('advisor.card.listThree', {
    first,
    second,
    third: items.length === 3 ? third : listOf(tParts, items.slice(2)),
  });
}
