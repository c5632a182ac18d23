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
import { formatDate, localeFor, todayIso } from '../../components/dates.ts';
import { SETTING_LABELS } from '../../components/plain-words.ts';
import { type T, useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { useVersions } from './PlanHistory.tsx';
import { amountOnlyInWords } from './plan-words.ts';
import type { PlanVersionDetail, TeamContact } from './types.ts';

// "Read a new version of the IEP": the review page's items compared with the plan in force, by the same
// rule the server applies when it saves them (src/domain/iep-compare.ts), so what the parent sees here is
// what the new version will say. Saving makes an amendment from the chosen date; the earlier version
// stays readable exactly as it was, and the ledger counts each day by the version in force then.

/** A service's setting in words ("pull-out"), in the reader's language. */
function settingWords(t: T, language: string, setting: string): string | undefined {
  if (language === 'en') return SETTING_LABELS[setting];
  return t('onboarding.amount.settingWords', { setting });
}

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
  const t = useT('review', 'plan', 'onboarding');
  const tParts = useTParts();
  const { language } = useLanguage();
  const locale = localeFor(language);
  const date = (iso: string) => formatDate(iso, locale);
  const amountWords = (segment: Parameters<typeof amountOnlyInWords>[2]) =>
    amountOnlyInWords(t, language, segment);
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
      team: team.data.map((member) => ({ id: member.id, name: member.name })),
      behaviorSteps: content.behaviorSteps.map((b) => ({ id: b.id, kind: b.kind, text: b.text })),
    };
    return comparePlanWithDocument(plan, body, from, new Set(keepIds));
  }, [detail.data, team.data, body, from, keepIds]);

  if (versions.isError || detail.isError || team.isError)
    return (
      <Alert color="red" role="alert" title={t('review.amend.loadError')}>
        {(versions.error ?? detail.error ?? team.error)?.message}
      </Alert>
    );
  if (!comparison || !current || !detail.data) return <Loader aria-label={t('review.amend.loading')} />;

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
        closeButtonProps: { 'aria-label': t('common.close') },
        autoClose: 12_000,
        message: `${t('review.amend.saved', {
          number: String(saved.versionNumber),
          date: date(saved.effectiveFrom),
        })}${kept > 0 ? ` ${t('review.amend.savedKept', { count: kept })}` : ''}`,
      });
      navigate('/plan');
    } catch (e) {
      setError(
        e instanceof ApiError && e.fields.length > 0
          ? `${e.message} (${e.fields.map((f) => `${f.path}: ${f.message}`).join('; ')})`
          : e instanceof Error
            ? e.message
            : t('review.amend.saveFailed'),
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
          {t('review.amend.title', { number: String(current.versionNumber) })}
        </Title>
        {startsAfterPlan && (
          <Alert color="orange" title={t('review.amend.newPlan')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">
                {t('review.amend.newPlanText', { start: date(documentStart), end: date(planEnd) })}
              </Text>
              <Button variant="default" onClick={onSaveAsNewPlan}>
                {t('review.amend.saveAsNew')}
              </Button>
            </Stack>
          </Alert>
        )}
        {!comparison.changed && <Text>{t('review.amend.nothing')}</Text>}
        <Stack gap="sm">
          {(services.some((s) => s.change !== 'same') || comparison.servicesKept.length > 0) && (
            <Part title={t('review.services')}>
              {services.map((s) => {
                if (s.change === 'changed') {
                  const doc = body.services[s.index]!;
                  const setting =
                    s.settingBefore !== s.settingAfter
                      ? `; ${settingWords(t, language, s.settingBefore)} → ${settingWords(t, language, s.settingAfter)}`
                      : '';
                  const values = {
                    name: <bdi>{nameOf(s.id)}</bdi>,
                    renamed: doc.name,
                    before: s.before ? amountWords(s.before) : t('review.amend.noAmount'),
                    after: amountWords(s.after),
                  };
                  return (
                    <List.Item key={`c${s.id}`}>
                      {doc.name !== nameOf(s.id)
                        ? tParts('review.amend.changedRenamed', values)
                        : tParts('review.amend.changed', values)}
                      {setting}
                    </List.Item>
                  );
                }
                if (s.change === 'added') {
                  const doc = body.services[s.index]!;
                  const first = doc.segments[0];
                  return (
                    <List.Item key={`a${s.index}`}>
                      {first
                        ? tParts('review.amend.newService', {
                            name: <bdi>{doc.name}</bdi>,
                            amount: amountWords({
                              pattern: null,
                              ...first,
                              period: { cycleDays: null, ...first.period },
                            }),
                          })
                        : tParts('review.amend.new', { what: <bdi>{doc.name}</bdi> })}
                    </List.Item>
                  );
                }
                if (s.change === 'ended')
                  return (
                    <LeftOut
                      key={`e${s.id}`}
                      taken
                      label={t('review.amend.end', { name: s.name, date: date(s.endDate) })}
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
                    label={t('review.amend.endKept', { name: s.name })}
                    onChange={() => keep(s.id, false)}
                  />
                ))}
              {comparison.servicesNotListed && comparison.servicesKept.length > 0 && (
                <List.Item>
                  {t('review.amend.notListed', {
                    list: 'services',
                    count: String(comparison.servicesKept.length),
                  })}
                </List.Item>
              )}
              {unchanged > 0 && <List.Item>{t('review.amend.unchanged', { count: unchanged })}</List.Item>}
            </Part>
          )}
          {(
            [
              ['review.accommodations', 'accommodations', comparison.accommodations],
              ['review.goals', 'goals', comparison.goals],
              ['review.behavior', 'behaviorSteps', comparison.behaviorSteps],
            ] as const
          ).map(([title, list, c]) =>
            c.added.length + c.removed.length + c.kept.length === 0 ? null : (
              <Part key={list} title={t(title)}>
                {c.added.map((i) => {
                  const item = body[list][i]!;
                  return (
                    <List.Item key={`a${i}`}>
                      {'kind' in item
                        ? t('review.amend.newStep', {
                            kind: t('plan.stepKind', { kind: item.kind }),
                            text: item.text,
                          })
                        : t('review.amend.new', { what: item.text })}
                    </List.Item>
                  );
                })}
                {c.removed.map((a) => (
                  <LeftOut
                    key={a.id}
                    taken
                    label={t('review.amend.takeOut', { text: a.text })}
                    onChange={() => keep(a.id, true)}
                  />
                ))}
                {!c.notListed &&
                  c.kept.map((a) => (
                    <LeftOut
                      key={a.id}
                      taken={false}
                      label={t('review.amend.takeOutKept', { text: a.text })}
                      onChange={() => keep(a.id, false)}
                    />
                  ))}
                {c.notListed && (
                  <List.Item>{t('review.amend.notListed', { list, count: String(c.kept.length) })}</List.Item>
                )}
              </Part>
            ),
          )}
          {comparison.keyDates.length > 0 && (
            <Part title={t('review.dates')}>
              {comparison.keyDates.map((k) => (
                <List.Item key={k.kind}>
                  {k.before
                    ? t('review.amend.dateChanged', {
                        what: t('review.keyDate', { kind: k.kind }),
                        before: date(k.before),
                        after: date(k.after),
                      })
                    : t('review.amend.newDate', {
                        what: t('review.keyDate', { kind: k.kind }),
                        date: date(k.after),
                      })}
                </List.Item>
              ))}
            </Part>
          )}
          {comparison.team.added.length > 0 && (
            <Part title={t('review.team')}>
              {comparison.team.added.map((i) => (
                <List.Item key={i}>
                  {tParts('review.amend.newMember', {
                    name: <bdi>{body.team[i]!.name}</bdi>,
                    role: body.team[i]!.role,
                  })}
                </List.Item>
              ))}
            </Part>
          )}
        </Stack>
        <Text size="sm">{t('review.amend.help', { number: String(current.versionNumber) })}</Text>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('review.amend.from')}
            description={t('review.amend.fromHelp', {
              date: date(current.effectiveFrom),
              number: String(current.versionNumber),
            })}
            value={from}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
          />
          <Textarea
            label={t('review.amend.summary')}
            description={t('review.amend.summaryHelp')}
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
          <Alert color="red" role="alert" title={t('review.notSaved')}>
            {error}
          </Alert>
        )}
        <Group>
          <Button size="md" onClick={() => void save()} loading={saving} disabled={!comparison.changed}>
            {t('review.amend.save', { number: String(nextVersion) })}
          </Button>
          <Button variant="default" onClick={onDiscard}>
            {t('review.removeFile')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
