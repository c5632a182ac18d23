import { Button, Group, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, patch } from '../../api/client.ts';
import type { AdvisorSettingName, AdvisorSettings } from '../../api/types.ts';
import { weekdaysIn } from '../../components/dates.ts';
import { FormError } from '../../components/form-errors.tsx';
import { Tag } from '../../components/SessionEntryCard.tsx';
import { useTParts } from '../../i18n/i18n.tsx';
import {
  SETTING_GROUPS,
  SETTINGS,
  settingFieldLabel,
  settingLabel,
  settingNote,
  settingValueWords,
  useAdvisorWords,
} from './advisor-words.ts';

// The advisor's thresholds for this household. None comes from a law or a regulation (no source says
// how big a gap is "material"), so each is a product choice, shown as such, with its default.

type Shown = Record<AdvisorSettingName, number | ''>;

/** The value as shown in the form: shares as whole percentages. */
const shown = (name: AdvisorSettingName, value: number) =>
  SETTINGS[name].share ? Math.round(value * 100) : value;
const stored = (name: AdvisorSettingName, value: number) => (SETTINGS[name].share ? value / 100 : value);

export function AdvisorSettingsForm({
  householdId,
  settings,
  canChange,
}: {
  householdId: string;
  /** The settings in force (the household's choices over the defaults). */
  settings: AdvisorSettings;
  canChange: boolean;
}) {
  const client = useQueryClient();
  const words = useAdvisorWords();
  const { t, locale } = words;
  const tParts = useTParts();
  const names = Object.keys(SETTINGS) as AdvisorSettingName[];
  const initial = Object.fromEntries(names.map((n) => [n, shown(n, settings[n])])) as Shown;
  const [values, setValues] = useState<Shown>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<AdvisorSettingName, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const changed = names.filter((n) => values[n] !== initial[n]);

  const save = async () => {
    setError(null);
    const problems: Partial<Record<AdvisorSettingName, string>> = {};
    for (const n of changed) {
      const meta = SETTINGS[n];
      const value = values[n];
      const min = meta.share ? 0 : meta.min;
      const max = meta.share ? 100 : meta.max;
      if (value === '' || !Number.isFinite(value)) problems[n] = t('advisor.settings.error.number');
      else if (value < min || value > max) problems[n] = t('advisor.settings.error.range', { min, max });
      else if (!meta.share && !Number.isInteger(value)) problems[n] = t('advisor.settings.error.whole');
    }
    setFieldErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const advisor: Record<string, number> = {};
    let replySchoolDays: number | undefined;
    for (const n of changed) {
      const value = stored(n, values[n] as number);
      if (n === 'replySchoolDays') replySchoolDays = value;
      else advisor[n] = value;
    }
    setSaving(true);
    try {
      await patch(`/households/${householdId}/settings`, {
        ...(replySchoolDays !== undefined ? { replySchoolDays } : {}),
        ...(Object.keys(advisor).length > 0 ? { advisor } : {}),
      });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: t('advisor.settings.saved'),
      });
      await client.invalidateQueries({ queryKey: ['advice'] });
      await client.invalidateQueries({ queryKey: ['settings', householdId] });
    } catch (e) {
      if (e instanceof ApiError) {
        const byField: Partial<Record<AdvisorSettingName, string>> = {};
        for (const f of e.fields) {
          const name = f.path.replace(/^advisor\./, '') as AdvisorSettingName;
          if (name in SETTINGS) byField[name] = f.message.charAt(0).toUpperCase() + f.message.slice(1);
        }
        setFieldErrors(byField);
        setError(Object.keys(byField).length > 0 ? null : e.message);
      } else setError(t('advisor.settings.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="lg">
      <Text size="sm">{t('advisor.settings.intro')}</Text>
      <FormError message={error} />
      {SETTING_GROUPS.map((group) => (
        <Stack gap="sm" key={group.group} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={4} size="h5" component="legend" mb={4}>
            {t('advisor.settings.group', { group: group.group })}
          </Title>
          {group.names.map((n) => {
            const meta = SETTINGS[n];
            const description = tParts('advisor.settings.description', {
              note: settingNote(t, n),
              value: settingValueWords(words, n, meta.default),
              tag: <Tag tone="gray">{t('advisor.settings.productChoice')}</Tag>,
            });
            if (n === 'weeklyCheckInWeekday') {
              return (
                <NativeSelect
                  key={n}
                  label={settingLabel(t, n)}
                  description={description}
                  disabled={!canChange}
                  value={String(values[n])}
                  onChange={(e) => setValues((v) => ({ ...v, [n]: Number(e.currentTarget.value) }))}
                  data={weekdaysIn(locale).map(({ day, name }) => ({ value: String(day), label: name }))}
                  error={fieldErrors[n]}
                />
              );
            }
            return (
              <NumberInput
                key={n}
                label={settingFieldLabel(t, n)}
                description={description}
                disabled={!canChange}
                value={values[n]}
                min={meta.share ? 0 : meta.min}
                max={meta.share ? 100 : meta.max}
                allowDecimal={false}
                clampBehavior="none"
                onChange={(value) =>
                  setValues((v) => ({
                    ...v,
                    [n]: typeof value === 'number' ? value : value === '' ? '' : Number(value),
                  }))
                }
                error={fieldErrors[n]}
                maw={420}
              />
            );
          })}
        </Stack>
      ))}
      {canChange ? (
        <Group>
          <Button color="blue.8" onClick={() => void save()} loading={saving} disabled={changed.length === 0}>
            {t('advisor.settings.save', { count: changed.length })}
          </Button>
          {changed.length > 0 && (
            <Button variant="default" onClick={() => setValues(initial)} disabled={saving}>
              {t('advisor.settings.undo')}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm">{t('advisor.settings.readOnly')}</Text>
      )}
    </Stack>
  );
}
