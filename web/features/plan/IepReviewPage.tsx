import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useLocation, useParams, useSearch } from 'wouter';
import type { z } from 'zod';
import type { IepDocument } from '../../../src/api/iep-documents.ts';
import {
  type PlanReview,
  planFromReview,
  type ReviewBehaviorStep,
  type ReviewService,
  type ReviewSource,
  reviewFromDraft,
} from '../../../src/domain/iep-review.ts';
import { BEHAVIOR_STEP_KINDS } from '../../../src/domain/record-kinds.ts';
import { PERIOD_UNITS, SERVICE_AREAS, SERVICE_SETTINGS } from '../../../src/domain/service.ts';
import { ApiError, del, get, post } from '../../api/client.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import { formatDay } from '../../components/dates.ts';
import { STEP_KIND_LABELS } from '../behavior/behavior-words.ts';
import { regionsOf } from '../onboarding/regions.ts';
import { AREA_LABELS, PERIOD_LABELS, SETTING_LABELS } from '../onboarding/service-form.ts';
import { AmendmentReview } from './AmendmentReview.tsx';
import { PageBeside, ShowOnPage } from './IepPagePreview.tsx';

// "Check what we read": the plan read from the parent's IEP document, item by item, each with the page
// and the document's own words, the ones to check first with the reason. Nothing is saved until "Save
// the plan"; then the plan, what the parent kept and the document itself (as evidence) are saved
// together, and the parent lands on This week.

type Doc = z.infer<typeof IepDocument>;

const KEY_DATE_WORDS = {
  annual_review: 'Next annual review',
  reevaluation: 'Re-evaluation',
  meeting: 'IEP meeting',
};

function Source({ item }: { item: ReviewSource }) {
  return (
    <Stack gap={2}>
      {item.reason && (
        <Text size="sm" fw={600}>
          Check: {item.reason}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Page {item.page}: “
        {item.sourceText.length > 300 ? `${item.sourceText.slice(0, 300)}…` : item.sourceText}”
      </Text>
      <ShowOnPage item={item} />
    </Stack>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title} ({count})
        </Title>
        {count === 0 ? <Text size="sm">None found in the document.</Text> : children}
      </Stack>
    </Paper>
  );
}

/** Items to check first, then the rest, each with its index in the review. */
function checkFirst<T extends { reason: string | null }>(list: T[]): [T, number][] {
  const indexed = list.map((item, i) => [item, i] as [T, number]);
  return [...indexed.filter(([x]) => x.reason), ...indexed.filter(([x]) => !x.reason)];
}

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

export default function IepReviewPage() {
  const { id } = useParams<{ id: string }>();
  const { householdId, child } = useHouseholdChild();
  const [, navigate] = useLocation();
  // "Read a new version of the IEP" (the Plan page) opens this page for an amendment of that plan.
  const amendPlanId = new URLSearchParams(useSearch()).get('amend');
  const client = useQueryClient();
  const doc = useQuery({
    queryKey: ['iep-document', householdId, id],
    queryFn: () => get<Doc>(`/households/${householdId}/iep-documents/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'reading' ? 1500 : false),
  });
  const [review, setReview] = useState<PlanReview | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (doc.data?.status === 'read' && doc.data.draft?.found && !review)
      setReview(reviewFromDraft(doc.data.draft));
  }, [doc.data, review]);

  if (doc.isPending) return <Loader aria-label="Loading" />;
  if (doc.isError)
    return (
      <Alert color="red" title="This document could not be found" role="alert">
        {doc.error.message} Documents brought in are kept for 7 days unless the plan is saved.
      </Alert>
    );
  const d = doc.data;
  const discard = async () => {
    await del(`/households/${householdId}/iep-documents/${d.id}`);
    navigate('/plan');
  };
  if (d.status === 'reading')
    return (
      <Stack gap="sm" role="status" aria-live="polite">
        <Title order={2}>Reading “{d.filename}”</Title>
        <Group gap="sm">
          <Loader size="sm" />
          <Text>
            As Written is reading your plan on this server (nothing is sent anywhere else). A long or scanned
            plan can take a minute.
          </Text>
        </Group>
      </Stack>
    );
  if (d.status === 'failed' || !d.draft?.found)
    return (
      <Stack gap="sm">
        <Title order={2}>“{d.filename}”</Title>
        <Alert color="orange" title="No plan could be read from this file" role="alert">
          {d.error ?? d.draft?.message}
        </Alert>
        <Group>
          <Button onClick={() => navigate('/plan')}>Type the plan in instead</Button>
          <Button variant="default" onClick={() => void discard()}>
            Remove this file
          </Button>
        </Group>
      </Stack>
    );
  if (!review) return <Loader aria-label="Loading" />;

  const draft = d.draft;
  const change = (update: (r: PlanReview) => void) =>
    setReview((old) => {
      if (!old) return old;
      const next = structuredClone(old);
      update(next);
      return next;
    });
  const setService = (i: number, patch: Partial<ReviewService>) =>
    change((r) => {
      Object.assign(r.services[i]!, patch);
    });
  const setStep = (i: number, patch: Partial<ReviewBehaviorStep>) =>
    change((r) => {
      Object.assign(r.behaviorSteps[i]!, patch);
    });
  const toCheck = draft.toCheck.length;
  const regions = regionsOf(review.plan.country);

  const save = async () => {
    setError(null);
    setProblems({});
    setSaving(true);
    try {
      const saved = await post<{ planId: string; saved: { services: number } }>(
        `/households/${householdId}/iep-documents/${d.id}/plan`,
        planFromReview(review),
      );
      await client.invalidateQueries();
      const n = saved.saved.services;
      notifications.show({
        color: 'green',
        closeButtonProps: { 'aria-label': 'Close' },
        message: `The plan is saved, with ${n === 1 ? '1 service' : `${n} services`}. The document is kept with it as evidence.`,
      });
      navigate('/');
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0) {
        // "services.1.segments.0.minutesPerSession" names the second service kept: find it in the review.
        const found: Record<string, string> = {};
        for (const f of e.fields) {
          const [list, n] = f.path.split('.');
          const kept = (review[list as keyof PlanReview] as { keep: boolean }[] | undefined)
            ?.map((x, i) => [x, i] as const)
            .filter(([x]) => x.keep);
          const at = kept?.[Number(n)]?.[1];
          const key = list === 'plan' ? `plan.${f.path.split('.').slice(1).join('.')}` : `${list}.${at}`;
          found[key] ??= `${f.message}`;
        }
        setProblems(found);
        setError('Some items need a change before the plan can be saved: see the messages in red below.');
      } else setError(e instanceof Error ? e.message : 'The plan could not be saved. Try again.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={2}>Check what we read from “{d.filename}”</Title>
        {amendPlanId && (
          <Text fw={600} mb="xs">
            A new version of <bdi>{child.firstName}</bdi>’s plan: check what was read, then see what changes
            from the plan in force at the end of this page, before anything is saved.
          </Text>
        )}
        <Text>
          {draft.message} Nothing is saved until you press “
          {amendPlanId ? 'Save as version' : 'Save the plan'}” at the end. Untick anything that is not in{' '}
          <bdi>{child.firstName}</bdi>’s plan, and correct what was read wrong: each item shows the page and
          the words it came from.
        </Text>
        {toCheck > 0 && (
          <Text fw={600} mt="xs">
            {toCheck === 1
              ? '1 item needs your check: it comes first, marked “Check”.'
              : `${toCheck} items need your check: they come first, marked “Check”.`}
          </Text>
        )}
        {draft.pagesReadByOcr.length > 0 && (
          <Alert color="gray" mt="xs" title="Read from a scan">
            Pages {draft.pagesReadByOcr.join(', ')} were read from an image of the page (OCR): compare each
            item with the page, and correct any word or number read wrong.
          </Alert>
        )}
        {draft.pagesNeedingOcr.length > 0 && (
          <Alert color="orange" mt="xs" title="Some pages could not be read">
            Pages {draft.pagesNeedingOcr.join(', ')} are images without text. Type what they hold on the Plan
            page after saving.
          </Alert>
        )}
      </div>

      <Paper withBorder p="md" radius="md" component="section" aria-label="The plan">
        <Stack gap="sm">
          <Title order={3} size="h4">
            The plan
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label="Kind of plan"
              value={review.plan.kind}
              onChange={(e) => {
                const value = e.currentTarget.value as 'iep' | '504';
                change((r) => {
                  r.plan.kind = value;
                });
              }}
              data={[
                { value: 'iep', label: 'IEP' },
                { value: '504', label: '504 plan' },
              ]}
            />
            <NativeSelect
              label="Country"
              value={review.plan.country}
              onChange={(e) => {
                const value = e.currentTarget.value as 'US' | 'CA';
                change((r) => {
                  r.plan.country = value;
                  r.plan.region = '';
                });
              }}
              data={[
                { value: 'US', label: 'United States' },
                { value: 'CA', label: 'Canada' },
              ]}
            />
            <NativeSelect
              label={review.plan.country === 'CA' ? 'Province' : 'State'}
              value={review.plan.region}
              onChange={(e) => {
                const value = e.currentTarget.value;
                change((r) => {
                  r.plan.region = value;
                });
              }}
              data={[
                { value: '', label: 'Not chosen' },
                ...regions.map(([code, name]) => ({ value: code, label: name })),
              ]}
              error={problems['plan.jurisdiction']}
            />
            <div />
            <TextInput
              type="date"
              label="The plan starts"
              value={review.plan.effectiveFrom}
              onChange={(e) => {
                const value = e.currentTarget.value;
                change((r) => {
                  r.plan.effectiveFrom = value;
                });
              }}
              error={problems['plan.effectiveFrom']}
            />
            <TextInput
              type="date"
              label="The plan ends"
              description={
                review.plan.effectiveTo ? undefined : 'Not printed: usually the next annual review'
              }
              value={review.plan.effectiveTo}
              onChange={(e) => {
                const value = e.currentTarget.value;
                change((r) => {
                  r.plan.effectiveTo = value;
                });
              }}
              error={problems['plan.effectiveTo']}
            />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Section title="Services" count={review.services.length}>
        {checkFirst(review.services).map(([s, i]) => (
          <Paper key={i} withBorder p="sm" radius="sm" component="article" aria-label={`Service: ${s.name}`}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="wrap">
                <Checkbox
                  label={`Keep “${s.name}”`}
                  checked={s.keep}
                  onChange={(e) => setService(i, { keep: e.currentTarget.checked })}
                />
                {s.reason && (
                  <Badge variant="outline" color="gray.8" tt="none">
                    Check
                  </Badge>
                )}
              </Group>
              <Source item={s} />
              {s.keep && (
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                  <TextInput
                    label="Name"
                    value={s.name}
                    onChange={(e) => setService(i, { name: e.currentTarget.value })}
                  />
                  <NativeSelect
                    label="Area"
                    value={s.area}
                    onChange={(e) => setService(i, { area: e.currentTarget.value as ReviewService['area'] })}
                    data={SERVICE_AREAS.map((a) => ({ value: a, label: AREA_LABELS[a] }))}
                  />
                  <TextInput
                    type="number"
                    label={`Minutes each time (${s.name})`}
                    value={s.minutesPerSession ?? ''}
                    onChange={(e) =>
                      setService(i, { minutesPerSession: numberOrNull(e.currentTarget.value) })
                    }
                  />
                  <TextInput
                    type="number"
                    label={`Times per ${s.periodUnit === 'cycle' ? 'cycle' : s.periodUnit} (${s.name})`}
                    value={s.sessionsPerPeriod ?? ''}
                    onChange={(e) =>
                      setService(i, { sessionsPerPeriod: numberOrNull(e.currentTarget.value) })
                    }
                  />
                  <NativeSelect
                    label="Counted per"
                    value={s.periodUnit}
                    onChange={(e) =>
                      setService(i, { periodUnit: e.currentTarget.value as ReviewService['periodUnit'] })
                    }
                    data={PERIOD_UNITS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))}
                  />
                  <NativeSelect
                    label="Where"
                    value={s.setting}
                    onChange={(e) =>
                      setService(i, { setting: e.currentTarget.value as ReviewService['setting'] })
                    }
                    data={SERVICE_SETTINGS.map((x) => ({ value: x, label: SETTING_LABELS[x] }))}
                  />
                  <TextInput
                    type="date"
                    label="From"
                    value={s.startDate}
                    onChange={(e) => setService(i, { startDate: e.currentTarget.value })}
                  />
                  <TextInput
                    type="date"
                    label="To"
                    value={s.endDate}
                    onChange={(e) => setService(i, { endDate: e.currentTarget.value })}
                  />
                </SimpleGrid>
              )}
              {problems[`services.${i}`] && (
                <Text size="sm" c="red.8" role="alert">
                  {problems[`services.${i}`]}
                </Text>
              )}
            </Stack>
          </Paper>
        ))}
      </Section>

      <Section title="Accommodations" count={review.accommodations.length}>
        {checkFirst(review.accommodations).map(([a, i]) => (
          <Stack key={i} gap={2}>
            <Checkbox
              label={a.text}
              checked={a.keep}
              onChange={(e) => {
                const value = e.currentTarget.checked;
                change((r) => {
                  r.accommodations[i]!.keep = value;
                });
              }}
            />
            <Source item={a} />
            {problems[`accommodations.${i}`] && (
              <Text size="sm" c="red.8" role="alert">
                {problems[`accommodations.${i}`]}
              </Text>
            )}
          </Stack>
        ))}
      </Section>

      <Section title="Goals" count={review.goals.length}>
        {checkFirst(review.goals).map(([g, i]) => (
          <Stack key={i} gap={2}>
            <Checkbox
              label={`${g.area}: ${g.text}`}
              checked={g.keep}
              onChange={(e) => {
                const value = e.currentTarget.checked;
                change((r) => {
                  r.goals[i]!.keep = value;
                });
              }}
            />
            <Source item={g} />
          </Stack>
        ))}
      </Section>

      <Section title="Dates" count={review.keyDates.length}>
        {review.keyDates.map((k, i) => (
          <Stack key={k.kind} gap={2}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Checkbox
                label={`Keep: ${KEY_DATE_WORDS[k.kind]}`}
                checked={k.keep}
                onChange={(e) => {
                  const value = e.currentTarget.checked;
                  change((r) => {
                    r.keyDates[i]!.keep = value;
                  });
                }}
              />
              <TextInput
                type="date"
                label={KEY_DATE_WORDS[k.kind]}
                value={k.date}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  change((r) => {
                    r.keyDates[i]!.date = value;
                    if (value) r.keyDates[i]!.keep = true;
                  });
                }}
              />
            </Group>
            {k.date && <Text size="xs">{formatDay(k.date)}</Text>}
            <Source item={k} />
          </Stack>
        ))}
      </Section>

      {review.behaviorSteps.length > 0 && (
        <Section title="Behavior plan" count={review.behaviorSteps.length}>
          <Text size="sm">
            The steps of the behavior plan, each as a trigger, a strategy, a reward or a response. Change the
            kind or the words where they were read wrong.
          </Text>
          {checkFirst(review.behaviorSteps).map(([b, i]) => (
            <Paper
              key={i}
              withBorder
              p="sm"
              radius="sm"
              component="article"
              aria-label={`Behavior plan step: ${b.text}`}
            >
              <Stack gap="xs">
                <Group justify="space-between" wrap="wrap">
                  <Checkbox
                    label={`Keep: ${STEP_KIND_LABELS[b.kind]}: ${b.text}`}
                    checked={b.keep}
                    onChange={(e) => setStep(i, { keep: e.currentTarget.checked })}
                  />
                  {b.reason && (
                    <Badge variant="outline" color="gray.8" tt="none">
                      Check
                    </Badge>
                  )}
                </Group>
                <Source item={b} />
                {b.keep && (
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                    <NativeSelect
                      label="Kind of step"
                      value={b.kind}
                      onChange={(e) =>
                        setStep(i, { kind: e.currentTarget.value as ReviewBehaviorStep['kind'] })
                      }
                      data={BEHAVIOR_STEP_KINDS.map((k) => ({ value: k, label: STEP_KIND_LABELS[k] }))}
                    />
                    <TextInput
                      label="The step"
                      value={b.text}
                      onChange={(e) => setStep(i, { text: e.currentTarget.value })}
                    />
                  </SimpleGrid>
                )}
                {problems[`behaviorSteps.${i}`] && (
                  <Text size="sm" c="red.8" role="alert">
                    {problems[`behaviorSteps.${i}`]}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Section>
      )}

      <Section title="The team" count={review.team.length}>
        {checkFirst(review.team).map(([t, i]) => (
          <Stack key={i} gap={2}>
            <Checkbox
              label={`${t.name}${t.role ? `, ${t.role}` : ''}`}
              checked={t.keep}
              onChange={(e) => {
                const value = e.currentTarget.checked;
                change((r) => {
                  r.team[i]!.keep = value;
                });
              }}
            />
            <Source item={t} />
          </Stack>
        ))}
      </Section>

      {error && (
        <Alert color="red" role="alert" title="Not saved yet">
          {error}
        </Alert>
      )}
      {amendPlanId ? (
        <AmendmentReview
          householdId={householdId}
          childId={child.id}
          planId={amendPlanId}
          documentId={d.id}
          review={review}
          onDiscard={() => void discard()}
          onSaveAsNewPlan={() => void save()}
        />
      ) : (
        <Group>
          <Button size="md" onClick={() => void save()} loading={saving}>
            Save the plan
          </Button>
          <Button variant="default" onClick={() => void discard()}>
            Remove this file and type the plan in
          </Button>
        </Group>
      )}
      <PageBeside />
    </Stack>
  );
}
