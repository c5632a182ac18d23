import {
  Alert,
  Button,
  Fieldset,
  Group,
  List,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { get, post } from '../../api/client.ts';
import type { ParsedServiceLine, Service } from '../../api/types.ts';
import { MinutesInput } from '../../components/fields.tsx';
import { applyApiError, FormError, FormStack } from '../../components/form-errors.tsx';
import { type T, useT } from '../../i18n/i18n.tsx';
import { type PlanStepProps, StepHeading } from './StepHeading.tsx';
import {
  AREA_LABELS,
  emptyService,
  fromParsed,
  PERIOD_LABELS,
  SETTING_LABELS,
  type ServiceValues,
  savedServiceWords,
  serviceChecks,
  serviceWords,
  toServiceBody,
} from './service-form.ts';

/** The choices of a select, in the order of the domain's table, named by `name` in the reader's words. */
const options = <K extends string>(labels: Record<K, string>, name: (key: K) => string) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: name(value) }));

const areaOptions = (t: T) => options(AREA_LABELS, (area) => t('onboarding.services.areaName', { area }));
const settingOptions = (t: T) =>
  options(SETTING_LABELS, (setting) => t('onboarding.services.settingName', { setting }));
const periodOptions = (t: T) =>
  options(PERIOD_LABELS, (unit) => t('onboarding.services.periodName', { unit }));

/**
 * Step 4: the services. Type a service line as the IEP writes it and press "Read it": what was
 * understood appears in plain words and in fields to correct, with what could not be read. Or fill
 * in the fields without the reader. "Add service" saves it; the list shows the services added.
 */
export function ServicesStep({ householdId, plan, focusHeading, onNext, onBack }: PlanStepProps) {
  const t = useT('onboarding');
  const client = useQueryClient();
  const ids = useId();
  const [mode, setMode] = useState<'none' | 'parsed' | 'manual'>('none');
  const [parsed, setParsed] = useState<ParsedServiceLine | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nextError, setNextError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const understoodRef = useRef<HTMLHeadingElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const services = useQuery({
    queryKey: ['services', householdId, plan.id],
    queryFn: () => get<Service[]>(`/households/${householdId}/services?planId=${plan.id}`),
  });
  const textForm = useForm({
    initialValues: { text: '' },
    validate: {
      text: (v) => (v.trim() ? null : t('onboarding.services.textMissing')),
    },
  });
  const form = useForm<ServiceValues>({ initialValues: emptyService(plan), validate: serviceChecks(t) });
  const values = form.values;

  const read = textForm.onSubmit(async ({ text }) => {
    setReadError(null);
    setNextError(null);
    setError(null);
    try {
      const result = await post<ParsedServiceLine>('/service-lines/parse', { text });
      setParsed(result);
      form.setValues(fromParsed(result, plan));
      form.clearErrors();
      setMode('parsed');
      requestAnimationFrame(() => understoodRef.current?.focus());
    } catch (e) {
      setReadError(applyApiError(textForm, e));
    }
  });

  const fillIn = () => {
    setParsed(null);
    setError(null);
    setNextError(null);
    form.setValues({ ...emptyService(plan), sourceText: textForm.values.text.trim() || null });
    form.clearErrors();
    setMode('manual');
    requestAnimationFrame(() => nameRef.current?.focus());
  };

  const clear = () => {
    setMode('none');
    setParsed(null);
    setError(null);
    setNextError(null);
    form.setValues(emptyService(plan));
    form.clearErrors();
    textForm.reset();
    requestAnimationFrame(() => textRef.current?.focus());
  };

  const add = form.onSubmit(async (v) => {
    setError(null);
    setNextError(null);
    try {
      const saved = await post<Service>(`/households/${householdId}/services`, toServiceBody(v, plan.id));
      await client.invalidateQueries({ queryKey: ['services', householdId] });
      notifications.show({
        closeButtonProps: { 'aria-label': t('onboarding.services.close') },
        color: 'green',
        message: t('onboarding.services.addedToast', { name: saved.name }),
      });
      setStatus(t('onboarding.services.addedStatus', { name: saved.name }));
      clear();
    } catch (e) {
      const single = v.segments.length === 1;
      setError(
        applyApiError(
          form,
          e,
          single ? { 'segments.0.startDate': 'startDate', 'segments.0.endDate': 'endDate' } : {},
        ),
      );
    }
  });

  const next = () => {
    if (mode !== 'none') {
      setNextError(t('onboarding.services.notAddedYet'));
      return;
    }
    onNext();
  };

  const list = services.data ?? [];
  return (
    <Stack gap="lg">
      <StepHeading
        title={t('onboarding.services.title')}
        intro={t('onboarding.services.intro')}
        focus={focusHeading}
      />

      <FormStack onSubmit={read} error={readError} gap="sm">
        <Textarea
          label={t('onboarding.services.text')}
          placeholder={t('onboarding.services.textPlaceholder')}
          autosize
          minRows={2}
          maxRows={6}
          ref={textRef}
          {...textForm.getInputProps('text')}
        />
        <Group gap="sm">
          <Button type="submit" color="blue.8" loading={textForm.submitting}>
            {t('onboarding.services.read')}
          </Button>
          <Button variant="default" onClick={fillIn}>
            {t('onboarding.services.fillIn')}
          </Button>
        </Group>
      </FormStack>

      {mode !== 'none' && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-understood`}>
          <form onSubmit={add} noValidate>
            <Stack gap="md">
              <div>
                <Title order={3} size="h4" id={`${ids}-understood`} ref={understoodRef} tabIndex={-1}>
                  {mode === 'parsed'
                    ? t('onboarding.services.understood')
                    : t('onboarding.services.theService')}
                </Title>
                <Text mt={4}>
                  <Text span fw={700}>
                    {values.name.trim() || t('onboarding.services.thisService')}
                  </Text>
                  : {t('onboarding.services.summary', { words: serviceWords(t, values) })}
                </Text>
              </div>
              {parsed && parsed.unread.length > 0 && (
                <Alert color="yellow" title={t('onboarding.services.unread')}>
                  <List size="sm">
                    {parsed.unread.map((u) => (
                      <List.Item key={u}>{u}</List.Item>
                    ))}
                  </List>
                  <Text size="sm" mt="xs">
                    {t('onboarding.services.unreadHelp')}
                  </Text>
                </Alert>
              )}
              {parsed && parsed.unread.length === 0 && !parsed.complete && (
                <Alert color="yellow" title={t('onboarding.services.missing')}>
                  <Text size="sm">{t('onboarding.services.missingHelp')}</Text>
                </Alert>
              )}
              {values.esy && (
                <Alert color="yellow" title={t('onboarding.services.esy')}>
                  <Text size="sm">{t('onboarding.services.esyHelp')}</Text>
                </Alert>
              )}
              <FormError message={error} />
              <TextInput
                label={t('onboarding.services.name')}
                required
                ref={nameRef}
                {...form.getInputProps('name')}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <NativeSelect
                  label={t('onboarding.services.area')}
                  required
                  data={[{ value: '', label: t('onboarding.services.chooseOne') }, ...areaOptions(t)]}
                  {...form.getInputProps('area')}
                />
                <NativeSelect
                  label={t('onboarding.services.setting')}
                  required
                  data={[{ value: '', label: t('onboarding.services.chooseOne') }, ...settingOptions(t)]}
                  {...form.getInputProps('setting')}
                />
              </SimpleGrid>
              {values.segments.map((segment, i) => (
                <AmountFields
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional, like the API's paths
                  key={i}
                  form={form}
                  index={i}
                  multi={values.segments.length > 1}
                  label={segment.label}
                />
              ))}
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <TextInput
                  type="date"
                  label={t('onboarding.services.starts')}
                  required
                  {...form.getInputProps('startDate')}
                />
                <TextInput
                  type="date"
                  label={t('onboarding.services.ends')}
                  required
                  {...form.getInputProps('endDate')}
                />
              </SimpleGrid>
              <Group gap="sm">
                <Button type="submit" color="blue.8" loading={form.submitting} disabled={values.esy}>
                  {t('onboarding.services.add')}
                </Button>
                <Button variant="default" onClick={clear}>
                  {t('onboarding.services.clear')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}

      <section aria-labelledby={`${ids}-added`}>
        <Title order={3} size="h5" id={`${ids}-added`}>
          {t('onboarding.services.added')}
        </Title>
        {list.length > 0 ? (
          <List spacing={4} mt={4}>
            {list.map((s) => (
              <List.Item key={s.id}>
                <Text span fw={600}>
                  {s.name}
                </Text>
                : {savedServiceWords(t, s)}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">
            {services.isPending ? t('onboarding.services.loading') : t('onboarding.services.noneYet')}
          </Text>
        )}
        <Text size="sm" role="status" mt={4}>
          {status}
        </Text>
      </section>

      <FormError message={nextError} />
      <Group justify="space-between">
        <Button variant="default" size="md" onClick={onBack}>
          {t('onboarding.back')}
        </Button>
        <Button size="md" color="blue.8" onClick={next}>
          {t('onboarding.next')}
        </Button>
      </Group>
    </Stack>
  );
}

function AmountFields({
  form,
  index,
  multi,
  label,
}: {
  form: UseFormReturnType<ServiceValues>;
  index: number;
  multi: boolean;
  label: string | null;
}) {
  const t = useT('onboarding');
  const at = `segments.${index}`;
  const segment = form.values.segments[index];
  if (!segment) return null;
  const fields = (
    <Stack gap="sm">
      <Radio.Group label={t('onboarding.services.counted')} {...form.getInputProps(`${at}.counted`)}>
        <Group mt={4} gap="lg">
          <Radio value="sessions" label={t('onboarding.services.countedSessions')} />
          <Radio value="minutes" label={t('onboarding.services.countedMinutes')} />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {segment.counted === 'sessions' ? (
          <>
            <MinutesInput
              label={t('onboarding.services.minutesPerSession')}
              {...form.getInputProps(`${at}.minutesPerSession`)}
            />
            <NumberInput
              hideControls
              label={t('onboarding.services.sessionsPerPeriod')}
              min={1}
              max={500}
              allowDecimal={false}
              inputMode="numeric"
              {...form.getInputProps(`${at}.sessionsPerPeriod`)}
            />
          </>
        ) : (
          <>
            <NumberInput
              hideControls
              label={t('onboarding.services.minutesPerPeriod')}
              min={1}
              max={100000}
              allowDecimal={false}
              inputMode="numeric"
              {...form.getInputProps(`${at}.minutesPerPeriod`)}
            />
            <MinutesInput
              label={t('onboarding.services.minutesPerSessionOptional')}
              {...form.getInputProps(`${at}.minutesPerSession`)}
            />
          </>
        )}
        <NativeSelect
          label={t('onboarding.services.period')}
          data={periodOptions(t)}
          {...form.getInputProps(`${at}.period.unit`)}
        />
      </SimpleGrid>
      {segment.period.unit === 'cycle' && (
        <NumberInput
          hideControls
          label={t('onboarding.services.cycleDays')}
          min={2}
          max={20}
          allowDecimal={false}
          inputMode="numeric"
          w={220}
          {...form.getInputProps(`${at}.period.cycleDays`)}
        />
      )}
      {segment.period.unit === 'term' && <Text size="sm">{t('onboarding.services.termHelp')}</Text>}
      {segment.pattern && segment.period.unit === 'week' && (
        <Text size="sm">
          {t('onboarding.services.pattern', {
            active: String(segment.pattern.activeWeeks),
            every: String(segment.pattern.everyWeeks),
          })}
        </Text>
      )}
      {multi && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t('onboarding.services.partStarts')}
            {...form.getInputProps(`${at}.startDate`)}
          />
          <TextInput
            type="date"
            label={t('onboarding.services.partEnds')}
            {...form.getInputProps(`${at}.endDate`)}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
  if (!multi) return fields;
  const legend = label
    ? t('onboarding.services.partNamed', { number: index + 1, label })
    : t('onboarding.services.part', { number: index + 1 });
  return <Fieldset legend={legend}>{fields}</Fieldset>;
}
