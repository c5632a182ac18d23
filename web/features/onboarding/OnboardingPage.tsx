import {
  Button,
  Center,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useLocation } from 'wouter';
import { get, post } from '../../api/client.ts';
import { can } from '../../api/permissions.ts';
import { useCurrent } from '../../api/session.tsx';
import type { Child, Plan, SchoolCalendar, Service } from '../../api/types.ts';
import contrast from '../../components/contrast.module.css';
import { todayIso } from '../../components/dates.ts';
import { applyApiError, FormError } from '../../components/form-errors.tsx';
import { TextLink } from '../../components/TextLink.tsx';
import { useT, useTParts } from '../../i18n/i18n.tsx';
import { AccommodationsStep } from './AccommodationsStep.tsx';
import { CalendarStep } from './CalendarStep.tsx';
import { ChildStep } from './ChildStep.tsx';
import { DoneStep } from './DoneStep.tsx';
import classes from './onboarding.module.css';
import { PlanStep } from './PlanStep.tsx';
import { ServicesStep } from './ServicesStep.tsx';

// The first-visit walkthrough at /welcome: the child, the school calendar, the plan, its services,
// done. Each step saves as it goes, so leaving half-way loses nothing: coming back to /welcome
// offers to finish setting up the current child, or to add another child.

const STEPS = ['child', 'calendar', 'plan', 'services', 'accommodations', 'done'] as const;

export default function OnboardingPage() {
  const t = useT('onboarding');
  const current = useCurrent();
  if (!current.householdId) {
    return (
      <Layout title={t('onboarding.welcome')}>
        <CreateHousehold />
      </Layout>
    );
  }
  if (!current.childrenLoaded) {
    return (
      <Center h="50vh" role="status" aria-label={t('onboarding.loading')}>
        <Loader />
      </Center>
    );
  }
  if (!can(current.role, 'plan.write')) {
    return (
      <Layout title={t('onboarding.settingUp')} back={current.child != null}>
        <Text>{t('onboarding.notAllowed')}</Text>
      </Layout>
    );
  }
  return <Setup key={current.householdId} householdId={current.householdId} />;
}

type Saved = { child: Child | null; calendar: SchoolCalendar | null; plan: Plan | null };

function Setup({ householdId }: { householdId: string }) {
  const t = useT('onboarding');
  const tParts = useTParts();
  const current = useCurrent();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [mode, setMode] = useState<'choose' | 'steps'>(() =>
    current.children.length > 0 ? 'choose' : 'steps',
  );
  const [saved, setSaved] = useState<Saved>({ child: null, calendar: null, plan: null });
  const [active, setActive] = useState(0);
  const [reached, setReached] = useState(0);
  const [moved, setMoved] = useState(false);
  const [resuming, setResuming] = useState(false);
  const [resumeError, setResumeError] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);

  const go = (step: number) => {
    setActive(step);
    setReached((r) => Math.max(r, step));
    setMoved(true);
  };

  const startNew = () => {
    setSaved({ child: null, calendar: null, plan: null });
    setActive(0);
    setReached(0);
    setMoved(true);
    setMode('steps');
  };

  /** Picks up where setup stopped for the current child: the first step not yet done. */
  const resume = async (child: Child) => {
    setResuming(true);
    setResumeError(null);
    try {
      const today = todayIso();
      const [calendars, plans] = await Promise.all([
        get<SchoolCalendar[]>(`/households/${householdId}/calendars?childId=${child.id}`),
        get<Plan[]>(`/households/${householdId}/plans?childId=${child.id}`),
      ]);
      const calendar =
        calendars.find((c) => c.firstDay <= today && today <= c.lastDay) ?? calendars.at(-1) ?? null;
      const plan = plans.filter((p) => p.status !== 'ended').at(-1) ?? null;
      const services = plan
        ? await get<Service[]>(`/households/${householdId}/services?planId=${plan.id}`)
        : [];
      setSaved({ child, calendar, plan });
      const step = !calendar ? 1 : !plan ? 2 : 3;
      setActive(step);
      setReached(services.length > 0 ? 5 : step);
      setMoved(true);
      setMode('steps');
    } catch (e) {
      setResumeError(e instanceof Error ? e.message : t('onboarding.somethingWrong'));
    } finally {
      setResuming(false);
    }
  };

  const childSaved = async (child: Child) => {
    const isNew = saved.child == null;
    setSaved((s) => ({ ...s, child }));
    current.setChildId(child.id);
    await Promise.all([
      client.invalidateQueries({ queryKey: ['children', householdId] }),
      isNew ? client.invalidateQueries({ queryKey: ['session'] }) : Promise.resolve(),
    ]);
    go(1);
  };

  const finish = async () => {
    setFinishing(true);
    try {
      if (saved.child) current.setChildId(saved.child.id);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['children', householdId] }),
        client.invalidateQueries({ queryKey: ['session'] }),
        client.invalidateQueries({ queryKey: ['week'] }),
      ]);
      navigate('/');
    } finally {
      setFinishing(false);
    }
  };

  if (mode === 'choose') {
    const child = current.child;
    return (
      <Layout title={t('onboarding.setUp')} back>
        <Paper withBorder p="lg" radius="md">
          <Stack gap="md" align="flex-start">
            <Text>{t('onboarding.choose')}</Text>
            <FormError message={resumeError} />
            {child && (
              <Button size="md" color="blue.8" loading={resuming} onClick={() => void resume(child)}>
                {tParts('onboarding.finishChild', { child: <bdi>{child.firstName}</bdi> })}
              </Button>
            )}
            <Button size="md" variant="default" onClick={startNew}>
              {t('onboarding.addAnother')}
            </Button>
          </Stack>
        </Paper>
      </Layout>
    );
  }

  const { child, calendar, plan } = saved;
  return (
    <Layout
      title={
        current.children.length > 0 && active === 0 && !child
          ? t('onboarding.addChild')
          : t('onboarding.setUp')
      }
      intro={t('onboarding.intro')}
      back={current.children.length > 0}
    >
      <Text hiddenFrom="md" fw={600} aria-hidden>
        {t('onboarding.stepOf', {
          number: active + 1,
          total: STEPS.length,
          name: t('onboarding.step', { step: STEPS[active] }),
        })}
      </Text>
      <Stepper
        active={active}
        onStepClick={(step) => step <= reached && go(step)}
        allowNextStepsSelect={false}
        size="sm"
        color="blue.8"
        classNames={{ stepBody: classes.stepBody, steps: classes.steps }}
      >
        {STEPS.map((step, i) => (
          <Stepper.Step
            key={step}
            label={
              <>
                {t('onboarding.step', { step })}
                {i < active && <VisuallyHidden>{t('onboarding.stepDone')}</VisuallyHidden>}
              </>
            }
            aria-current={i === active ? 'step' : undefined}
            allowStepSelect={i <= reached && i !== active}
          >
            <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" mt="md">
              {i === 0 && (
                <ChildStep
                  householdId={householdId}
                  child={child}
                  focusHeading={moved}
                  onSaved={childSaved}
                />
              )}
              {i === 1 && child && (
                <CalendarStep
                  householdId={householdId}
                  child={child}
                  calendar={calendar}
                  focusHeading={moved}
                  onChange={(c) => setSaved((s) => ({ ...s, calendar: c }))}
                  onNext={() => go(2)}
                  onBack={() => go(0)}
                />
              )}
              {i === 2 && child && (
                <PlanStep
                  householdId={householdId}
                  child={child}
                  calendar={calendar}
                  plan={plan}
                  focusHeading={moved}
                  onSaved={(p) => {
                    setSaved((s) => ({ ...s, plan: p }));
                    go(3);
                  }}
                  onBack={() => go(1)}
                />
              )}
              {i === 3 && plan && (
                <ServicesStep
                  householdId={householdId}
                  plan={plan}
                  focusHeading={moved}
                  onNext={() => go(4)}
                  onBack={() => go(2)}
                />
              )}
              {i === 4 && plan && (
                <AccommodationsStep
                  householdId={householdId}
                  plan={plan}
                  focusHeading={moved}
                  onNext={() => go(5)}
                  onBack={() => go(3)}
                />
              )}
              {i === 5 && child && (
                <DoneStep
                  householdId={householdId}
                  child={child}
                  calendar={calendar}
                  plan={plan}
                  focusHeading={moved}
                  finishing={finishing}
                  onFinish={() => void finish()}
                  onAddAnother={startNew}
                  onBack={() => go(4)}
                />
              )}
            </Paper>
          </Stepper.Step>
        ))}
      </Stepper>
    </Layout>
  );
}

function Layout({
  title,
  intro,
  back,
  children,
}: {
  title: string;
  intro?: string;
  back?: boolean;
  children: ReactNode;
}) {
  const t = useT('onboarding');
  return (
    <Container size="md" px="md" py="lg" component="main" className={contrast.scope}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700} size="lg">
            {t('app.name')}
          </Text>
          {back && <TextLink href="/">{t('onboarding.backToWeek')}</TextLink>}
        </Group>
        <div>
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro && <Text mt={4}>{intro}</Text>}
        </div>
        {children}
      </Stack>
    </Container>
  );
}

function CreateHousehold() {
  const t = useT('onboarding');
  const current = useCurrent();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: t('auth.setup.defaultHouseholdName') },
    validate: { name: (v) => (v.trim() ? null : t('onboarding.household.nameMissing')) },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await post('/households', { name: values.name.trim() });
      await current.refreshSession();
      navigate('/welcome');
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('onboarding.household.intro')}</Text>
          <FormError message={error} />
          <TextInput label={t('auth.setup.householdName')} required {...form.getInputProps('name')} />
          <Button type="submit" color="blue.8" loading={form.submitting} w="fit-content">
            {t('onboarding.household.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
