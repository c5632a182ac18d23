import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useCan } from '../../api/permissions.ts';
import { useHouseholdChild } from '../../api/session.tsx';
import type { Plan, Service } from '../../api/types.ts';
import { formatDate, todayIso } from '../../components/dates.ts';
import { currentPlan, usePlans, useServicesOfPlan } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import ui from '../../components/ui.module.css';
import { useTParts } from '../../i18n/i18n.tsx';
import { AmendmentModal } from './AmendmentModal.tsx';
import { inForceToday, PlanHistory, useVersions } from './PlanHistory.tsx';
import { type PlanWords, usePlanWords } from './plan-words.ts';
import { type PlanSectionProps, ReasonPolicySection } from './ReasonPolicySection.tsx';
import { RecordSection } from './RecordSection.tsx';
import { ServiceAmountModal } from './ServiceAmountModal.tsx';
import { StartFromDocument } from './StartFromDocument.tsx';
import { accommodationsDef, behaviorStepsDef, goalsDef, keyDatesDef, teamDef } from './sections.tsx';

/** "IEP" or "504 plan", in the reader's language. */
const kindLabel = ({ t }: PlanWords, kind: Plan['kind']) => t('plan.kind', { kind });

export default function PlanPage() {
  const { householdId, child } = useHouseholdChild();
  const words = usePlanWords();
  const { t, locale } = words;
  const tParts = useTParts();
  const plans = usePlans(householdId, child.id);
  const [choice, setChoice] = useState<string | null>(null);
  const list = plans.data ?? [];
  const plan = list.find((p) => p.id === choice) ?? currentPlan(list);
  const editable = useCan('plan.write');
  const deletable = useCan('record.delete');

  if (plans.isPending)
    return (
      <Center h="40vh" role="status" aria-label={t('plan.loading')}>
        <Loader />
      </Center>
    );

  return (
    <Stack gap="xl" className={ui.page}>
      <Stack gap="xs">
        <Title order={2}>{t('plan.title')}</Title>
        <Text>
          {tParts('plan.intro', { name: <bdi>{child.firstName}</bdi> })}
          {editable ? '' : ` ${t('plan.readOnly')}`}
        </Text>
        <Text size="sm">
          <TextLink href="/timetable">{t('plan.timetable')}</TextLink>
        </Text>
      </Stack>
      {plans.error && (
        <Alert color="red" role="alert" title={t('plan.loadError')}>
          {plans.error.message}
        </Alert>
      )}
      {list.length > 1 && plan && (
        <NativeSelect
          label={t('plan.title')}
          maw={480}
          value={plan.id}
          onChange={(e) => setChoice(e.currentTarget.value)}
          data={[...list]
            .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))
            .map((p) => ({
              value: p.id,
              label: t('plan.option', {
                title: p.title ?? kindLabel(words, p.kind),
                from: formatDate(p.effectiveFrom, locale),
                to: formatDate(p.effectiveTo, locale),
              }),
            }))}
        />
      )}
      {!plans.error && !plan && (
        <Alert color="gray" title={t('plan.none.title')}>
          {tParts('plan.none.text', { name: <bdi>{child.firstName}</bdi> })}
        </Alert>
      )}
      {!plans.error && !plans.isPending && !plan && editable && (
        <StartFromDocument householdId={householdId} childId={child.id} />
      )}
      {plan && (
        <PlanView
          key={plan.id}
          plan={plan}
          householdId={householdId}
          childId={child.id}
          editable={editable}
          deletable={deletable}
        />
      )}
      {!plan && !plans.error && (
        <RecordSection
          def={teamDef}
          householdId={householdId}
          parentId={child.id}
          planId={null}
          canEdit={editable}
          canDelete={deletable}
          headingId="plan-team-heading"
        />
      )}
    </Stack>
  );
}

function PlanView({
  plan,
  householdId,
  childId,
  editable,
  deletable,
}: {
  plan: Plan;
  householdId: string;
  childId: string;
  editable: boolean;
  deletable: boolean;
}) {
  const words = usePlanWords();
  const { t, locale } = words;
  const versions = useVersions(householdId, plan.id);
  const current = versions.data?.find((v) => v.isCurrent);
  const inForce = versions.data?.find((v) => inForceToday(v, plan.effectiveTo));
  const upcoming = versions.data?.filter((v) => v.effectiveFrom > todayIso()) ?? [];
  const [amending, setAmending] = useState(false);
  const sectionProps = {
    householdId,
    parentId: plan.id,
    planId: plan.id,
    canEdit: editable,
    canDelete: deletable,
  };
  return (
    <>
      <Paper withBorder p="md" component="section" aria-labelledby="plan-about-heading">
        <Stack gap={6}>
          <Title order={3} id="plan-about-heading">
            {plan.title ?? kindLabel(words, plan.kind)}
          </Title>
          <Text>
            {kindLabel(words, plan.kind)} · {t('plan.status', { status: plan.status })} ·{' '}
            {plan.jurisdiction.region ? `${plan.jurisdiction.region}, ` : ''}
            {t('plan.country', { country: plan.jurisdiction.country })}
          </Text>
          <Text>
            {t('plan.span', {
              from: formatDate(plan.effectiveFrom, locale),
              to: formatDate(plan.effectiveTo, locale),
            })}
          </Text>
          {inForce && (
            <Text size="sm">
              {t('plan.inForce', {
                number: String(inForce.versionNumber),
                summary: inForce.summary,
                from: formatDate(inForce.effectiveFrom, locale),
                to: formatDate(inForce.effectiveTo ?? plan.effectiveTo, locale),
              })}
            </Text>
          )}
          {upcoming.map((v) => (
            <Text size="sm" key={v.id}>
              {t('plan.upcoming', {
                number: String(v.versionNumber),
                summary: v.summary,
                date: formatDate(v.effectiveFrom, locale),
              })}
            </Text>
          ))}
          {editable && (
            <Text size="sm" mt="xs">
              {t('plan.amendHelp')}
            </Text>
          )}
          {editable && (
            <Group>
              <Button color="blue.8" onClick={() => setAmending(true)}>
                {t('plan.amend')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
      {amending && (
        <AmendmentModal
          householdId={householdId}
          planId={plan.id}
          current={current}
          onClose={() => setAmending(false)}
        />
      )}
      <ServicesSection plan={plan} householdId={householdId} editable={editable} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl" verticalSpacing="xl">
        <RecordSection def={accommodationsDef} {...sectionProps} headingId="plan-accommodations-heading" />
        <RecordSection def={goalsDef} {...sectionProps} headingId="plan-goals-heading" />
        <RecordSection def={behaviorStepsDef} {...sectionProps} headingId="plan-behavior-heading" />
        <RecordSection def={keyDatesDef} {...sectionProps} headingId="plan-key-dates-heading" />
        <RecordSection
          def={teamDef}
          householdId={householdId}
          parentId={childId}
          planId={null}
          canEdit={editable}
          canDelete={deletable}
          headingId="plan-team-heading"
        />
      </SimpleGrid>
      {editable && <StartFromDocument householdId={householdId} childId={childId} amendPlanId={plan.id} />}
      <ReasonPolicySection plan={plan} householdId={householdId} editable={editable} />
      <PlanHistory householdId={householdId} planId={plan.id} planEnd={plan.effectiveTo} />
    </>
  );
}

function ServicesSection({ plan, householdId, editable }: PlanSectionProps) {
  const { t, locale, amount } = usePlanWords();
  const services = useServicesOfPlan(householdId, plan.id);
  const [editing, setEditing] = useState<Service | null>(null);
  return (
    <Box component="section" aria-labelledby="plan-services-heading">
      <Title order={3} id="plan-services-heading" mb="xs">
        {t('plan.services.title')}
      </Title>
      {services.isPending && <Text size="sm">{t('plan.loadingShort')}</Text>}
      {services.error && (
        <Text role="alert" size="sm">
          {t('plan.services.loadError', { error: services.error.message })}
        </Text>
      )}
      {services.data && services.data.length === 0 && <Text size="sm">{t('plan.services.empty')}</Text>}
      {services.data && services.data.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {services.data.map((s) => (
            <Paper component="li" key={s.id} withBorder p="sm">
              <Stack gap={4}>
                <Text fw={700}>{s.name}</Text>
                {s.segments.length === 1 && s.segments[0] ? (
                  <Text>{amount(s.segments[0], s.setting)}</Text>
                ) : (
                  s.segments.map((seg) => (
                    <Text key={seg.startDate}>
                      {t('plan.services.segment', {
                        amount: amount(seg, s.setting),
                        from: formatDate(seg.startDate, locale),
                        to: formatDate(seg.endDate, locale),
                      })}
                      {seg.label ? ` (${seg.label})` : ''}
                    </Text>
                  ))
                )}
                {s.esyBlocks.map((b) => (
                  <Text key={b.startDate} size="sm">
                    {t('plan.services.esy', {
                      amount: amount(b, null),
                      from: formatDate(b.startDate, locale),
                      to: formatDate(b.endDate, locale),
                    })}
                  </Text>
                ))}
                <Text size="sm">
                  {[
                    s.providerRole,
                    s.location,
                    s.groupSizeLimit ? t('plan.services.group', { size: String(s.groupSizeLimit) }) : null,
                    s.delivery === 'consult' ? t('plan.services.consult') : null,
                    t('plan.services.dates', {
                      from: formatDate(s.startDate, locale),
                      to: formatDate(s.endDate, locale),
                    }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {s.sourceText && <Text size="sm">{t('plan.services.source', { text: s.sourceText })}</Text>}
                <Group gap="md" mt={4}>
                  <TextLink href={`/ledger/${s.id}`}>{t('plan.services.ledger', { name: s.name })}</TextLink>
                  {editable && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={t('plan.services.changeLabel', { name: s.name })}
                      onClick={() => setEditing(s)}
                    >
                      {t('plan.services.change')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
      {editing && (
        <ServiceAmountModal service={editing} householdId={householdId} onClose={() => setEditing(null)} />
      )}
    </Box>
  );
}
