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
import { formatDay, localeFor } from '../../components/dates.ts';
import { type T, useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { regionsOf } from '../onboarding/regions.ts';
import { AmendmentReview } from './AmendmentReview.tsx';
import { PageBeside, ShowOnPage } from './IepPagePreview.tsx';

// "Check what we read": the plan read from the parent's IEP document, item by item, each with the page
// and the document's own words, the ones to check first with the reason. Nothing is saved until "Save
// the plan"; then the plan, what the parent kept and the document itself (as evidence) are saved
// together, and the parent lands on This week.

type Doc = z.infer<typeof IepDocument>;

/** The parts of the catalog this page reads: its own, the setup's service words and the plan's. */
const useReviewT = () => useT('review', 'onboarding', 'plan');

const keyDateWords = (t: T, kind: string) => t('review.keyDate', { kind });

function Source({ item }: { item: ReviewSource }) {
  const t = useReviewT();
  return (
    <Stack gap={2}>
      {item.reason && (
        <Text size="sm" fw={600}>
          {t('review.checkReason', { reason: item.reason })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('review.source', {
          page: String(item.page),
          text: item.sourceText.length > 300 ? `${item.sourceText.slice(0, 300)}…` : item.sourceText,
        })}
      </Text>
      <ShowOnPage item={item} />
    </Stack>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const t = useReviewT();
  const id = useId();
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {t('review.section', { title, count: String(count) })}
        </Title>
        {count === 0 ? <Text size="sm">{t('review.noneFound')}</Text> : children}
      </Stack>
    </Paper>
  );
}

type Keepable = ReviewSource & { keep: boolean };

/** An item kept or not by its checkbox, with where the document says it (accommodations, goals, team). */
function KeepItem({
  item,
  label,
  onKeep,
  problem,
}: {
  item: Keepable;
  label: string;
  onKeep: (keep: boolean) => void;
  problem?: string | undefined;
}) {
  return (
    <Stack gap={2}>
      <Checkbox label={label} checked={item.keep} onChange={(e) => onKeep(e.currentTarget.checked)} />
      <Source item={item} />
      <ProblemLine text={problem} />
    </Stack>
  );
}

/** An item with fields of its own (a service, a behavior step): its fields show only while it is kept. */
function ItemCard({
  item,
  label,
  keepLabel,
  onKeep,
  problem,
  children,
}: {
  item: Keepable;
  label: string;
  keepLabel: string;
  onKeep: (keep: boolean) => void;
  problem: string | undefined;
  children: ReactNode;
}) {
  const t = useReviewT();
  return (
    <Paper withBorder p="sm" radius="sm" component="article" aria-label={label}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Checkbox label={keepLabel} checked={item.keep} onChange={(e) => onKeep(e.currentTarget.checked)} />
          {item.reason && (
            <Badge variant="outline" color="gray.8" tt="none">
              {t('review.check')}
            </Badge>
          )}
        </Group>
        <Source item={item} />
        {item.keep && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            {children}
          </SimpleGrid>
        )}
        <ProblemLine text={problem} />
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
  const t = useReviewT();
  const tParts = useTParts();
  const locale = localeFor(useLanguage().language);
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
      setReview(
        reviewFromDraft(doc.data.draft, {
          esy: t('review.reason.esy'),
          monthOnly: t('review.reason.monthOnly'),
          boxUnclear: t('review.reason.boxUnclear'),
        }),
      );
  }, [doc.data, review, t]);

  if (doc.isPending) return <Loader aria-label={t('review.loading')} />;
  if (doc.isError)
    return (
      <Alert color="red" title={t('review.notFound')} role="alert">
        {doc.error.message} {t('review.keptFor')}
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
        <Title order={2}>{t('review.reading', { file: d.filename })}</Title>
        <Group gap="sm">
          <Loader size="sm" />
          <Text>{t('review.readingText')}</Text>
        </Group>
      </Stack>
    );
  if (d.status === 'failed' || !d.draft?.found)
    return (
      <Stack gap="sm">
        <Title order={2}>“{d.filename}”</Title>
        <Alert color="orange" title={t('review.unreadable')} role="alert">
          {d.error ?? d.draft?.message}
        </Alert>
        <Group>
          <Button onClick={() => navigate('/plan')}>{t('review.typeInstead')}</Button>
          <Button variant="default" onClick={() => void discard()}>
            {t('review.removeFile')}
          </Button>
        </Group>
      </Stack>
    );
  if (!review) return <Loader aria-label={t('review.loading')} />;

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
  const setPlan = (patch: Partial<PlanReview['plan']>) =>
    change((r) => {
      Object.assign(r.plan, patch);
    });
  const setKeep = (list: 'accommodations' | 'goals' | 'keyDates' | 'team', i: number, keep: boolean) =>
    change((r) => {
      r[list][i]!.keep = keep;
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
        closeButtonProps: { 'aria-label': t('common.close') },
        message: t('review.saved', { count: n }),
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
        setError(t('review.fixItems'));
      } else setError(e instanceof Error ? e.message : t('review.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="lg" maw={900}>
      <div>
        <Title order={2}>{t('review.title', { file: d.filename })}</Title>
        {amendPlanId && (
          <Text fw={600} mb="xs">
            {tParts('review.amendIntro', { name: <bdi>{child.firstName}</bdi> })}
          </Text>
        )}
        <Text>
          {draft.message}{' '}
          {tParts('review.intro', {
            button: amendPlanId ? t('review.saveAsVersion') : t('review.savePlan'),
            name: <bdi>{child.firstName}</bdi>,
          })}
        </Text>
        {toCheck > 0 && (
          <Text fw={600} mt="xs">
            {t('review.toCheck', { count: toCheck })}
          </Text>
        )}
        {draft.pagesReadByOcr.length > 0 && (
          <Alert color="gray" mt="xs" title={t('review.ocr.title')}>
            {t('review.ocr.text', { pages: draft.pagesReadByOcr.join(', ') })}
          </Alert>
        )}
        {draft.pagesNeedingOcr.length > 0 && (
          <Alert color="orange" mt="xs" title={t('review.noText.title')}>
            {t('review.noText.text', { pages: draft.pagesNeedingOcr.join(', ') })}
          </Alert>
        )}
      </div>

      <Paper withBorder p="md" radius="md" component="section" aria-label={t('review.plan')}>
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t('review.plan')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t('review.plan.kind')}
              value={review.plan.kind}
              onChange={(e) => setPlan({ kind: e.currentTarget.value as 'iep' | '504' })}
              data={[
                { value: 'iep', label: t('plan.kind', { kind: 'iep' }) },
                { value: '504', label: t('plan.kind', { kind: '504' }) },
              ]}
            />
            <NativeSelect
              label={t('review.plan.country')}
              value={review.plan.country}
              onChange={(e) => setPlan({ country: e.currentTarget.value as 'US' | 'CA', region: '' })}
              data={[
                { value: 'US', label: t('review.plan.us') },
                { value: 'CA', label: t('review.plan.ca') },
              ]}
            />
            <NativeSelect
              label={t('review.plan.region', { country: review.plan.country })}
              value={review.plan.region}
              onChange={(e) => setPlan({ region: e.currentTarget.value })}
              data={[
                { value: '', label: t('review.plan.regionNone') },
                ...regions.map(([code, name]) => ({
                  value: code,
                  label: t('onboarding.plan.regionName', { code, name }),
                })),
              ]}
              error={problems['plan.jurisdiction']}
            />
            <div />
            <TextInput
              type="date"
              label={t('review.plan.starts')}
              value={review.plan.effectiveFrom}
              onChange={(e) => setPlan({ effectiveFrom: e.currentTarget.value })}
              error={problems['plan.effectiveFrom']}
            />
            <TextInput
              type="date"
              label={t('review.plan.ends')}
              description={review.plan.effectiveTo ? undefined : t('review.plan.endsHelp')}
              value={review.plan.effectiveTo}
              onChange={(e) => setPlan({ effectiveTo: e.currentTarget.value })}
              error={problems['plan.effectiveTo']}
            />
          </SimpleGrid>
        </Stack>
      </Paper>

      <Section title={t('review.services')} count={review.services.length}>
        {checkFirst(review.services).map(([s, i]) => (
          <ItemCard
            key={i}
            item={s}
            label={t('review.service.label', { name: s.name })}
            keepLabel={t('review.service.keep', { name: s.name })}
            onKeep={(keep) => setService(i, { keep })}
            problem={problems[`services.${i}`]}
          >
            <TextInput
              label={t('review.service.name')}
              value={s.name}
              onChange={(e) => setService(i, { name: e.currentTarget.value })}
            />
            <NativeSelect
              label={t('review.service.area')}
              value={s.area}
              onChange={(e) => setService(i, { area: e.currentTarget.value as ReviewService['area'] })}
              data={SERVICE_AREAS.map((area) => ({
                value: area,
                label: t('onboarding.services.areaName', { area }),
              }))}
            />
            <TextInput
              type="number"
              label={t('review.service.minutes', { name: s.name })}
              value={s.minutesPerSession ?? ''}
              onChange={(e) => setService(i, { minutesPerSession: numberOrNull(e.currentTarget.value) })}
            />
            <TextInput
              type="number"
              label={t('review.service.times', { unit: s.periodUnit, name: s.name })}
              value={s.sessionsPerPeriod ?? ''}
              onChange={(e) => setService(i, { sessionsPerPeriod: numberOrNull(e.currentTarget.value) })}
            />
            <NativeSelect
              label={t('review.service.per')}
              value={s.periodUnit}
              onChange={(e) =>
                setService(i, { periodUnit: e.currentTarget.value as ReviewService['periodUnit'] })
              }
              data={PERIOD_UNITS.map((unit) => ({
                value: unit,
                label: t('onboarding.services.periodName', { unit }),
              }))}
            />
            <NativeSelect
              label={t('review.service.where')}
              value={s.setting}
              onChange={(e) => setService(i, { setting: e.currentTarget.value as ReviewService['setting'] })}
              data={SERVICE_SETTINGS.map((setting) => ({
                value: setting,
                label: t('onboarding.services.settingName', { setting }),
              }))}
            />
            <TextInput
              type="date"
              label={t('review.service.from')}
              value={s.startDate}
              onChange={(e) => setService(i, { startDate: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t('review.service.to')}
              value={s.endDate}
              onChange={(e) => setService(i, { endDate: e.currentTarget.value })}
            />
          </ItemCard>
        ))}
      </Section>

      <Section title={t('review.accommodations')} count={review.accommodations.length}>
        {checkFirst(review.accommodations).map(([a, i]) => (
          <KeepItem
            key={i}
            item={a}
            label={a.text}
            onKeep={(keep) => setKeep('accommodations', i, keep)}
            problem={problems[`accommodations.${i}`]}
          />
        ))}
      </Section>

      <Section title={t('review.goals')} count={review.goals.length}>
        {checkFirst(review.goals).map(([g, i]) => (
          <KeepItem
            key={i}
            item={g}
            label={t('review.goal', { area: g.area, text: g.text })}
            onKeep={(keep) => setKeep('goals', i, keep)}
          />
        ))}
      </Section>

      <Section title={t('review.dates')} count={review.keyDates.length}>
        {review.keyDates.map((k, i) => (
          <Stack key={k.kind} gap={2}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Checkbox
                label={t('review.keepDate', { what: keyDateWords(t, k.kind) })}
                checked={k.keep}
                onChange={(e) => setKeep('keyDates', i, e.currentTarget.checked)}
              />
              <TextInput
                type="date"
                label={keyDateWords(t, k.kind)}
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
            {k.date && <Text size="xs">{formatDay(k.date, 'weekdayShort', locale)}</Text>}
            <Source item={k} />
          </Stack>
        ))}
      </Section>

      {review.behaviorSteps.length > 0 && (
        <Section title={t('review.behavior')} count={review.behaviorSteps.length}>
          <Text size="sm">{t('review.behavior.intro')}</Text>
          {checkFirst(review.behaviorSteps).map(([b, i]) => (
            <ItemCard
              key={i}
              item={b}
              label={t('review.step.label', { text: b.text })}
              keepLabel={t('review.step.keep', { kind: t('plan.stepKind', { kind: b.kind }), text: b.text })}
              onKeep={(keep) => setStep(i, { keep })}
              problem={problems[`behaviorSteps.${i}`]}
            >
              <NativeSelect
                label={t('review.step.kind')}
                value={b.kind}
                onChange={(e) => setStep(i, { kind: e.currentTarget.value as ReviewBehaviorStep['kind'] })}
                data={BEHAVIOR_STEP_KINDS.map((kind) => ({
                  value: kind,
                  label: t('plan.stepKind', { kind }),
                }))}
              />
              <TextInput
                label={t('review.step.text')}
                value={b.text}
                onChange={(e) => setStep(i, { text: e.currentTarget.value })}
              />
            </ItemCard>
          ))}
        </Section>
      )}

      <Section title={t('review.team')} count={review.team.length}>
        {checkFirst(review.team).map(([member, i]) => (
          <KeepItem
            key={i}
            item={member}
            label={`${member.name}${member.role ? `, ${member.role}` : ''}`}
            onKeep={(keep) => setKeep('team', i, keep)}
          />
        ))}
      </Section>

      {error && (
        <Alert color="red" role="alert" title={t('review.notSaved')}>
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
            {t('review.savePlan')}
          </Button>
          <Button variant="default" onClick={() => void discard()}>
            {t('review.removeAndType')}
          </Button>
        </Group>
      )}
      <PageBeside />
    </Stack>
  );
}

/** What is wrong with one item, said under it (and read out at once). */
function ProblemLine({ text }: { text: string | undefined }) {
  return text ? (
    <Text size="sm" c="red.8" role="alert">
      {text}
    </Text>
  ) : null;
}
