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
import { serviceAmountWords } from '../../components/plain-words.ts';
import { currentPlan, usePlans, useServicesOfPlan } from '../../components/queries.ts';
import { TextLink } from '../../components/TextLink.tsx';
import ui from '../../components/ui.module.css';
import { AmendmentModal } from './AmendmentModal.tsx';
import { inForceToday, PlanHistory, useVersions, versionDates } from './PlanHistory.tsx';
import { type PlanSectionProps, ReasonPolicySection } from './ReasonPolicySection.tsx';
import { RecordSection } from './RecordSection.tsx';
import { ServiceAmountModal } from './ServiceAmountModal.tsx';
import { StartFromDocument } from './StartFromDocument.tsx';
import { accommodationsDef, behaviorStepsDef, goalsDef, keyDatesDef, teamDef } from './sections.tsx';

const KIND_LABELS: Record<Plan['kind'], string> = { iep: 'IEP', '504': '504 plan' };
const STATUS_LABELS: Record<Plan['status'], string> = { draft: 'Draft', active: 'Active', ended: 'Ended' };
const COUNTRIES: Record<string, string> = { US: 'United States', CA: 'Canada' };

export default function PlanPage() {
  const { householdId, child } = useHouseholdChild();
  const plans = usePlans(householdId, child.id);
  const [choice, setChoice] = useState<string | null>(null);
  const list = plans.data ?? [];
  const plan = list.find((p) => p.id === choice) ?? currentPlan(list);
  const editable = useCan('plan.write');
  const deletable = useCan('record.delete');

  if (plans.isPending)
    return (
      <Center h="40vh" role="status" aria-label="Loading the plan">
        <Loader />
      </Center>
    );

  return (
    <Stack gap="xl" className={ui.page}>
      <Stack gap="xs">
        <Title order={2}>Plan</Title>
        <Text>
          <bdi>{child.firstName}</bdi>’s plan as written: what the school agreed to provide, and how it has
          changed.
          {editable ? '' : ' You can read it; only the owner and co-parents can change it.'}
        </Text>
        <Text size="sm">
          <TextLink href="/timetable">Class timetable</TextLink>
        </Text>
      </Stack>
      {plans.error && (
        <Alert color="red" role="alert" title="The plan could not be loaded">
          {plans.error.message}
        </Alert>
      )}
      {list.length > 1 && plan && (
        <NativeSelect
          label="Plan"
          maw={480}
          value={plan.id}
          onChange={(e) => setChoice(e.currentTarget.value)}
          data={[...list]
            .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))
            .map((p) => ({
              value: p.id,
              label: `${p.title ?? KIND_LABELS[p.kind]}, ${formatDate(p.effectiveFrom)} to ${formatDate(p.effectiveTo)}`,
            }))}
        />
      )}
      {!plans.error && !plan && (
        <Alert color="gray" title="No plan yet">
          <bdi>{child.firstName}</bdi> has no plan recorded yet.
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
            {plan.title ?? KIND_LABELS[plan.kind]}
          </Title>
          <Text>
            {KIND_LABELS[plan.kind]} · {STATUS_LABELS[plan.status]} ·{' '}
            {plan.jurisdiction.region ? `${plan.jurisdiction.region}, ` : ''}
            {COUNTRIES[plan.jurisdiction.country] ?? plan.jurisdiction.country}
          </Text>
          <Text>
            From {formatDate(plan.effectiveFrom)} to {formatDate(plan.effectiveTo)}
          </Text>
          {inForce && (
            <Text size="sm">
              In force today: version {inForce.versionNumber} ({inForce.summary}),{' '}
              {versionDates(inForce, plan.effectiveTo)
                .replace(' (in force now)', '')
                .replace(/^From/, 'from')}
              .
            </Text>
          )}
          {upcoming.map((v) => (
            <Text size="sm" key={v.id}>
              Version {v.versionNumber} ({v.summary}) takes effect on {formatDate(v.effectiveFrom)}; the plan
              below shows it.
            </Text>
          ))}
          {editable && (
            <Text size="sm" mt="xs">
              Changes agreed at an IEP meeting take effect on a date; record them as an amendment and the old
              version stays readable. Fixing a typing mistake needs no amendment: edit the item below.
            </Text>
          )}
          {editable && (
            <Group>
              <Button color="blue.8" onClick={() => setAmending(true)}>
                Record an amendment
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
  const services = useServicesOfPlan(householdId, plan.id);
  const [editing, setEditing] = useState<Service | null>(null);
  return (
    <Box component="section" aria-labelledby="plan-services-heading">
      <Title order={3} id="plan-services-heading" mb="xs">
        Services
      </Title>
      {services.isPending && <Text size="sm">Loading…</Text>}
      {services.error && (
        <Text role="alert" size="sm">
          Could not load the services: {services.error.message}
        </Text>
      )}
      {services.data && services.data.length === 0 && <Text size="sm">No services are recorded.</Text>}
      {services.data && services.data.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {services.data.map((s) => (
            <Paper component="li" key={s.id} withBorder p="sm">
              <Stack gap={4}>
                <Text fw={700}>{s.name}</Text>
                {s.segments.length === 1 && s.segments[0] ? (
                  <Text>{serviceAmountWords(s.segments[0], s.setting)}</Text>
                ) : (
                  s.segments.map((seg) => (
                    <Text key={seg.startDate}>
                      {serviceAmountWords(seg, s.setting)}, {formatDate(seg.startDate)} to{' '}
                      {formatDate(seg.endDate)}
                      {seg.label ? ` (${seg.label})` : ''}
                    </Text>
                  ))
                )}
                {s.esyBlocks.map((b) => (
                  <Text key={b.startDate} size="sm">
                    Extended school year: {serviceAmountWords(b, null)}, {formatDate(b.startDate)} to{' '}
                    {formatDate(b.endDate)}
                  </Text>
                ))}
                <Text size="sm">
                  {[
                    s.providerRole,
                    s.location,
                    s.groupSizeLimit ? `group of no more than ${s.groupSizeLimit}` : null,
                    s.delivery === 'consult' ? 'consultation with staff' : null,
                    `${formatDate(s.startDate)} to ${formatDate(s.endDate)}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {s.sourceText && <Text size="sm">The plan says: “{s.sourceText}”</Text>}
                <Group gap="md" mt={4}>
                  <TextLink href={`/ledger/${s.id}`}>See the ledger of {s.name}</TextLink>
                  {editable && (
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Change the amount of ${s.name}`}
                      onClick={() => setEditing(s)}
                    >
                      Change the amount
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
