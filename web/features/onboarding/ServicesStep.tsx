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
import { type PlanStepProps, StepHeading } from './StepHeading.tsx';
import {
  AREA_LABELS,
  emptyService,
  fromParsed,
  PERIOD_LABELS,
  SETTING_LABELS,
  type ServiceValues,
  savedServiceWords,
  serviceWords,
  toServiceBody,
  validateService,
} from './service-form.ts';

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));

/**
 * Step 4: the services. Type a service line as the IEP writes it and press "Read it": what was
 * understood appears in plain words and in fields to correct, with what could not be read. Or fill
 * in the fields without the reader. "Add service" saves it; the list shows the services added.
 */
export function ServicesStep({ householdId, plan, focusHeading, onNext, onBack }: PlanStepProps) {
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
      text: (v) => (v.trim() ? null : 'Type the service as the IEP writes it, then press Read it'),
    },
  });
  const form = useForm<ServiceValues>({ initialValues: emptyService(plan), validate: validateService });
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
        closeButtonProps: { 'aria-label': 'Close' },
        color: 'green',
        message: `Service added: ${saved.name}`,
      });
      setStatus(`Added ${saved.name}. Type the next service, or press Next.`);
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
      setNextError(
        'The service below is not added yet. Press “Add service” to keep it, or “Clear” to leave it out.',
      );
      return;
    }
    onNext();
  };

  const list = services.data ?? [];
  return (
    <Stack gap="lg">
      <StepHeading
        title="The services"
        intro="Type each service as your IEP writes it, one at a time. As Written reads the minutes and how often, and shows you what it understood."
        focus={focusHeading}
      />

      <FormStack onSubmit={read} error={readError} gap="sm">
        <Textarea
          label="Service as written in the IEP"
          placeholder="Speech-language therapy, 30 minutes 2 times per week, pull-out"
          autosize
          minRows={2}
          maxRows={6}
          ref={textRef}
          {...textForm.getInputProps('text')}
        />
        <Group gap="sm">
          <Button type="submit" color="blue.8" loading={textForm.submitting}>
            Read it
          </Button>
          <Button variant="default" onClick={fillIn}>
            Fill in the fields instead
          </Button>
        </Group>
      </FormStack>

      {mode !== 'none' && (
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby={`${ids}-understood`}>
          <form onSubmit={add} noValidate>
            <Stack gap="md">
              <div>
                <Title order={3} size="h4" id={`${ids}-understood`} ref={understoodRef} tabIndex={-1}>
                  {mode === 'parsed' ? 'What we understood' : 'The service'}
                </Title>
                <Text mt={4}>
                  <Text span fw={700}>
                    {values.name.trim() || 'This service'}
                  </Text>
                  : {serviceWords(values)}.
                </Text>
              </div>
              {parsed && parsed.unread.length > 0 && (
                <Alert color="yellow" title="Please check: these parts could not be read">
                  <List size="sm">
                    {parsed.unread.map((u) => (
                      <List.Item key={u}>{u}</List.Item>
                    ))}
                  </List>
                  <Text size="sm" mt="xs">
                    Correct or fill in the fields below so they match the IEP.
                  </Text>
                </Alert>
              )}
              {parsed && parsed.unread.length === 0 && !parsed.complete && (
                <Alert color="yellow" title="Some parts are missing">
                  <Text size="sm">Fill in the fields below so they match the IEP.</Text>
                </Alert>
              )}
              {values.esy && (
                <Alert color="yellow" title="Extended school year">
                  <Text size="sm">
                    This line is about the summer (extended school year). Add summer services on the Plan page
                    once setup is finished; here, add the services of the school year.
                  </Text>
                </Alert>
              )}
              <FormError message={error} />
              <TextInput label="Service name" required ref={nameRef} {...form.getInputProps('name')} />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <NativeSelect
                  label="Area"
                  required
                  data={[{ value: '', label: 'Choose one' }, ...options(AREA_LABELS)]}
                  {...form.getInputProps('area')}
                />
                <NativeSelect
                  label="Setting"
                  required
                  data={[{ value: '', label: 'Choose one' }, ...options(SETTING_LABELS)]}
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
                <TextInput type="date" label="Service starts" required {...form.getInputProps('startDate')} />
                <TextInput type="date" label="Service ends" required {...form.getInputProps('endDate')} />
              </SimpleGrid>
              <Group gap="sm">
                <Button type="submit" color="blue.8" loading={form.submitting} disabled={values.esy}>
                  Add service
                </Button>
                <Button variant="default" onClick={clear}>
                  Clear
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}

      <section aria-labelledby={`${ids}-added`}>
        <Title order={3} size="h5" id={`${ids}-added`}>
          Services added
        </Title>
        {list.length > 0 ? (
          <List spacing={4} mt={4}>
            {list.map((s) => (
              <List.Item key={s.id}>
                <Text span fw={600}>
                  {s.name}
                </Text>
                : {savedServiceWords(s)}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{services.isPending ? 'Loading…' : 'None yet.'}</Text>
        )}
        <Text size="sm" role="status" mt={4}>
          {status}
        </Text>
      </section>

      <FormError message={nextError} />
      <Group justify="space-between">
        <Button variant="default" size="md" onClick={onBack}>
          Back
        </Button>
        <Button size="md" color="blue.8" onClick={next}>
          Next
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
  const at = `segments.${index}`;
  const segment = form.values.segments[index];
  if (!segment) return null;
  const fields = (
    <Stack gap="sm">
      <Radio.Group label="How the IEP counts it" {...form.getInputProps(`${at}.counted`)}>
        <Group mt={4} gap="lg">
          <Radio value="sessions" label="Sessions" />
          <Radio value="minutes" label="Total minutes" />
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {segment.counted === 'sessions' ? (
          <>
            <MinutesInput label="Minutes per session" {...form.getInputProps(`${at}.minutesPerSession`)} />
            <NumberInput
              hideControls
              label="Sessions per period"
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
              label="Total minutes per period"
              min={1}
              max={100000}
              allowDecimal={false}
              inputMode="numeric"
              {...form.getInputProps(`${at}.minutesPerPeriod`)}
            />
            <MinutesInput
              label="Minutes per session (optional)"
              {...form.getInputProps(`${at}.minutesPerSession`)}
            />
          </>
        )}
        <NativeSelect
          label="Period"
          data={options(PERIOD_LABELS)}
          {...form.getInputProps(`${at}.period.unit`)}
        />
      </SimpleGrid>
      {segment.period.unit === 'cycle' && (
        <NumberInput
          hideControls
          label="School days in the cycle"
          min={2}
          max={20}
          allowDecimal={false}
          inputMode="numeric"
          w={220}
          {...form.getInputProps(`${at}.period.cycleDays`)}
        />
      )}
      {segment.period.unit === 'term' && (
        <Text size="sm">
          Counted in each term or grading period of the school calendar. Enter the terms' dates on the School
          calendar page.
        </Text>
      )}
      {segment.pattern && segment.period.unit === 'week' && (
        <Text size="sm">
          Only in {segment.pattern.activeWeeks} of every {segment.pattern.everyWeeks} weeks.
        </Text>
      )}
      {multi && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput type="date" label="This part starts" {...form.getInputProps(`${at}.startDate`)} />
          <TextInput type="date" label="This part ends" {...form.getInputProps(`${at}.endDate`)} />
        </SimpleGrid>
      )}
    </Stack>
  );
  if (!multi) return fields;
  return <Fieldset legend={`Part ${index + 1}${label ? `: ${label}` : ''}`}>{fields}</Fieldset>;
}
