import {
  NativeSelect,
  type NativeSelectProps,
  NumberInput,
  type NumberInputProps,
  Radio,
  type RadioGroupProps,
  Stack,
} from '@mantine/core';
import { reasonOptions, STATUSES, statusLabel, useStaffWords } from './staff-api.ts';

// The fields of a session as a staff member confirms one (StaffPage) or fixes one (StaffCorrection).

/** "How did the session go?": delivered, shorter than planned or missed. */
export function StatusRadios(props: Omit<RadioGroupProps, 'label' | 'children'>) {
  const { t } = useStaffWords();
  return (
    <Radio.Group label={t('staff.form.status')} {...props}>
      <Stack gap="xs" mt={6}>
        {STATUSES.map((s) => (
          <Radio key={s} value={s} label={statusLabel(t, s)} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** "Minutes delivered", as a staff member confirms a session or fixes one: a whole number up to a day. */
export function MinutesDeliveredInput(props: NumberInputProps) {
  const { t } = useStaffWords();
  return (
    <NumberInput
      label={t('staff.minutesDelivered')}
      min={1}
      max={1440}
      allowDecimal={false}
      allowNegative={false}
      w={{ base: '100%', xs: 240 }}
      {...props}
    />
  );
}

/** Why a session was short or missed, from the reasons a staff form offers. */
export function ReasonSelect(props: Omit<NativeSelectProps, 'label' | 'data'>) {
  const { t } = useStaffWords();
  return <NativeSelect label={t('staff.form.reason')} data={reasonOptions(t)} {...props} />;
}
