import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import {
  type ComparedPlan,
  comparePlanWithDocument,
  comparisonSummary,
} from '../../../src/domain/iep-compare.ts';
import { type PlanReview, planFromReview } from '../../../src/domain/iep-review.ts';
import { ApiError, get, post } from '../../api/client.ts';
import { formatDate, todayIso } from '../../components/dates.ts';
import { amountWords, SETTING_LABELS } from '../../components/plain-words.ts';
import { STEP_KIND_LABELS } from '../behavior/behavior-words.ts';
import { useVersions } from './PlanHistory.tsx';
import type { PlanVersionDetail, TeamContact } from './types.ts';

// "Read a new version of the IEP": the review page's items compared with the plan in force, by the same
// rule the server applies when it saves them (src/domain/iep-compare.ts), so what the parent sees here is
// what the new version will say. Saving makes an amendment from the chosen date; the earlier version
// stays readable exactly as it was, and the ledger counts each day by the version in force then.

const KEY_DATE_WORDS: Record<string, string> = {
  annual_review: 'Next annual review',
  reevaluation: 'Re-evaluation',
  meeting: 'IEP meeting',
};

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>{title}</Text>
      <List size="sm" spacing={4}>
        {children}
      </List>
    </Stack>
  );
}

/** An item the new document leaves out: ticked, it is taken out of the new version; unticked, it stays. */
function LeftOut({ label, taken, onChange }: { label: string; taken: boolean; onChange(): void }) {
  return (
    <List.Item>
      <Checkbox label={label} checked={taken} onChange={onChange} />
    </List.Item>
  );
}

export function AmendmentReview({
  householdId,
  childId,
  planId,
  documentId,
  review,
  onDiscard,
  onSaveAsNewPlan,
}: {
  householdId: string;
  childId: string;
  planId: string;
  documentId: string;
  review: PlanReview;
  onDiscard(): void;
  /** Save the document as a plan of its own (a new annual IEP, not an amendment). */
  onSaveAsNewPlan(): void;
}) {
  const headingId = useId();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const versions = useVersions(householdId, planId);
  const current = versions.data?.find((v) => v.isCurrent);
  const detail = useQuery({
    enabled: current != null,
    queryKey: ['plan-version', householdId, planId, current?.versionNumber],
    queryFn: () =>
      get<PlanVersionDetail>(`/households/${householdId}/plans/${planId}/versions/${current?.versionNumber}`),
  });
  const team = useQuery({
    queryKey: ['team-contacts', householdId, childId],
    queryFn: () => get<TeamContact[]>(`/households/${householdId}/team-contacts?childId=${childId}`),
  });
  const planEnd = detail.data?.content.plan.effectiveTo ?? '';
  const documentStart = review.plan.effectiveFrom;
  const defaultFrom =
    current && documentStart > current.effectiveFrom && (!planEnd || documentStart <= planEnd)
      ? documentStart
      : todayIso();
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(null);
  const from = effectiveFrom ?? defaultFrom;
  const [summary, setSummary] = useState('');
  /** Items the new document leaves out that the parent keeps in the plan. */
  const [keepIds, setKeepIds] = useState<string[]>([]);
  const keep = (id: string, yes: boolean) =>
    setKeepIds((ids) => (yes ? [...new Set([...ids, id])] : ids.filter((x) => x !== id)));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const body = useMemo(() => {
    const { plan: _plan, ...items } = planFromReview(review);
    return items;
  }, [review]);
  const comparison = useMemo(() => {
    if (!detail.data || !team.data) return null;
    const content = detail.data.content;
    const plan: ComparedPlan = {
      services: content.services,
      accommodations: content.accommodations.map((a) => ({ id: a.id, text: a.text })),
      goals: content.goals.map((g) => ({ id: g.id, area: g.area, text: g.text })),
      keyDates: content.keyDates.map((k) => ({ id: k.id, kind: k.kind, date: k.date })),
      team: team.data.map((t) => ({ id: t.id, name: t.name })),
      behaviorSteps: content.behaviorSteps.map((b) => ({ id: b.id, kind: b.kind, text: b.text })),
    };
    return comparePlanWithDocument(plan, body, from, new Set(keepIds));
  }, [detail.data, team.data, body, from, keepIds]);

  if (versions.isError || detail.isError || team.isError)
    return (
      <Alert color="red" role="alert" title="The plan in force could not be loaded">
        {(versions.error ?? detail.error ?? team.error)?.message}
      </Alert>
    );
  if (!comparison || !current || !detail.data) return <Loader aria-label="Loading the plan in force" />;

  const content = detail.data.content;
  const nameOf = (id: string) => content.services.find((s) => s.id === id)?.name ?? '';
  const startsAfterPlan = planEnd !== '' && documentStart > planEnd;
  const nextVersion = current.versionNumber + 1;

  const save = async () => {
    setError(null);
    setSaving(true);
    try {
      const saved = await post<{ versionNumber: number; effectiveFrom: string; kept: { text: string }[] }>(
        `/households/${householdId}/iep-documents/${documentId}/amendment`,
        { planId, effectiveFrom: from, summary: summary.trim() || null, keepIds, ...body },
      );
      await client.invalidateQueries();
      const kept = saved.kept.length;
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': 'Close' },
        autoClose: 12_000,
        message: `Version ${saved.versionNumber} of the plan starts on ${formatDate(saved.effectiveFrom)}, read from the new document, which is kept as its source.${
          kept > 0
            ? ` ${kept === 1 ? '1 item the new document leaves out stays' : `${kept} items the new document leaves out stay`}, because records are kept against ${kept === 1 ? 'it' : 'them'}: see the Plan page.`
            : ''
        }`,
      });
      navigate('/plan');
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields.length > 0
          ? `${e.message} (${e.fields.map((f) => `${f.path}: ${f.message}`).join('; ')})`
          : e instanceof Error
            ? e.message
            : 'The new version could not be saved. Try again.',
      );
    } finally {
      setSaving(false);
    }
  };

  const services = comparison.services;
  const unchanged = services.filter((s) => s.change === 'same').length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={3} size="h4" id={headingId}>
          What changes from the plan in force (version {current.versionNumber})
        </Title>
        {startsAfterPlan && (
          <Alert color="orange" title="This looks like a new plan, not an amendment">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                The document starts on {formatDate(documentStart)}, after the plan in force ends (
                {formatDate(planEnd)}). A new annual IEP is a plan of its own, with its own dates: save it as
                a new plan, and the plan in force stays as it is.
              </Text>
              <Button variant="default" onClick={onSaveAsNewPlan}>
                Save it as a new plan
              </Button>
            </Stack>
          </Alert>
        )}
        {!comparison.changed && (
          <Text>The items you kept say what the plan in force says: there is nothing to amend.</Text>
        )}
        <Stack gap="sm">
          {(services.some((s) => s.change !== 'same') || comparison.servicesKept.length > 0) && (
            <Part title="Services">
              {services.map((s) => {
                if (s.change === 'changed') {
                  const doc = body.services[s.index]!;
                  const setting =
                    s.settingBefore !== s.settingAfter
                      ? `; ${SETTING_LABELS[s.settingBefore]} → ${SETTING_LABELS[s.settingAfter]}`
                      : '';
                  return (
                    <List.Item key={`c${s.id}`}>
                      Changed: <bdi>{nameOf(s.id)}</bdi>
                      {doc.name !== nameOf(s.id) ? <> (“{doc.name}”)</> : null}:{' '}
                      {s.before ? amountWords(s.before) : 'no amount'} → {amountWords(s.after)}
                      {setting}
                    </List.Item>
                  );
                }
                if (s.change === 'added') {
                  const doc = body.services[s.index]!;
                  const first = doc.segments[0];
                  return (
                    <List.Item key={`a${s.index}`}>
                      New: <bdi>{doc.name}</bdi>
                      {first
                        ? `, ${amountWords({ pattern: null, ...first, period: { cycleDays: null, ...first.period } })}`
                        : ''}
                    </List.Item>
                  );
                }
                if (s.change === 'ended')
                  return (
                    <LeftOut
                      key={`e${s.id}`}
                      taken
                      label={`End “${s.name}” on ${formatDate(s.endDate)}: it is not in the new document (its sessions stay in the record)`}
                      onChange={() => keep(s.id, true)}
                    />
                  );
                return null;
              })}
              {!comparison.servicesNotListed &&
                comparison.servicesKept.map((s) => (
                  <LeftOut
                    key={`k${s.id}`}
                    taken={false}
                    label={`End “${s.name}”: it is not in the new document (kept as it is)`}
                    onChange={() => keep(s.id, false)}
                  />
                ))}
              {comparison.servicesNotListed && comparison.servicesKept.length > 0 && (
                <List.Item>
                  The new document lists no services: the plan’s {comparison.servicesKept.length} stay as they
                  are.
                </List.Item>
              )}
              {unchanged > 0 && (
                <List.Item>
                  {unchanged === 1 ? '1 service is unchanged' : `${unchanged} services are unchanged`}
                </List.Item>
              )}
            </Part>
          )}
          {(
            [
              ['Accommodations', 'accommodations', 'accommodation', comparison.accommodations],
              ['Goals', 'goals', 'goal', comparison.goals],
              ['Behavior plan', 'behaviorSteps', 'behavior plan step', comparison.behaviorSteps],
            ] as const
          ).map(([title, list, noun, c]) =>
            c.added.length + c.removed.length + c.kept.length === 0 ? null : (
              <Part key={list} title={title}>
                {c.added.map((i) => {
                  const item = body[list][i]!;
                  return (
                    <List.Item key={`a${i}`}>
                      New: {'kind' in item ? `${STEP_KIND_LABELS[item.kind]}: ` : ''}
                      {item.text}
                    </List.Item>
                  );
                })}
                {c.removed.map((a) => (
                  <LeftOut
                    key={a.id}
                    taken
                    label={`Take out: ${a.text} (not in the new document)`}
                    onChange={() => keep(a.id, true)}
                  />
                ))}
                {!c.notListed &&
                  c.kept.map((a) => (
                    <LeftOut
                      key={a.id}
                      taken={false}
                      label={`Take out: ${a.text} (not in the new document; kept as it is)`}
                      onChange={() => keep(a.id, false)}
                    />
                  ))}
                {c.notListed && (
                  <List.Item>
                    The new document lists no {noun}s: the plan’s {c.kept.length} stay as they are.
                  </List.Item>
                )}
              </Part>
            ),
          )}
          {comparison.keyDates.length > 0 && (
            <Part title="Dates">
              {comparison.keyDates.map((k) => (
                <List.Item key={k.kind}>
                  {k.before
                    ? `${KEY_DATE_WORDS[k.kind] ?? k.kind}: ${formatDate(k.before)} → ${formatDate(k.after)}`
                    : `New: ${KEY_DATE_WORDS[k.kind] ?? k.kind} on ${formatDate(k.after)}`}
                </List.Item>
              ))}
            </Part>
          )}
          {comparison.team.added.length > 0 && (
            <Part title="The team">
              {comparison.team.added.map((i) => (
                <List.Item key={i}>
                  New: <bdi>{body.team[i]!.name}</bdi>, {body.team[i]!.role}
                </List.Item>
              ))}
            </Part>
          )}
        </Stack>
        <Text size="sm">
          Untick an item in the lists above to leave it out of the new version, and untick “End” or “Take out”
          to keep an item the new document does not show (an amendment often shows only the pages that
          changed). Version {current.versionNumber} stays readable exactly as it is, and the ledger counts
          each day by the version in force then.
        </Text>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label="The new version takes effect on"
            description={`After ${formatDate(current.effectiveFrom)}, when version ${current.versionNumber} took effect`}
            value={from}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
          />
          <Textarea
            label="What was agreed"
            description="In your words; left empty, the list of changes is used"
            placeholder={comparisonSummary(comparison)}
            autosize
            minRows={2}
            maw={480}
            w="100%"
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
          />
        </Group>
        {error && (
          <Alert color="red" role="alert" title="Not saved yet">
            {error}
          </Alert>
        )}
        <Group>
          <Button size="md" onClick={() => void save()} loading={saving} disabled={!comparison.changed}>
            Save as version {nextVersion}
          </Button>
          <Button variant="default" onClick={onDiscard}>
            Remove this file
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
