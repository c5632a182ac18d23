// The advisor's settings: every threshold is a product choice, shown as one, with a default a household
// may change (the specs, notes and ranges are src/domain/advisor-settings.ts, which the web form reads).

import { z } from 'zod';
import {
  ADVISOR_SETTING_SPECS,
  type AdvisorSettingName,
  type AdvisorSettingSpec,
} from '../advisor-settings.ts';

const settingSchema = (spec: AdvisorSettingSpec) =>
  (spec.share ? z.number() : z.number().int()).min(spec.min).max(spec.max).default(spec.default);

export const AdvisorSettings = z.object(
  Object.fromEntries(
    Object.entries(ADVISOR_SETTING_SPECS).map(([name, spec]) => [name, settingSchema(spec)]),
  ) as Record<AdvisorSettingName, z.ZodDefault<z.ZodNumber>>,
);

export type AdvisorSettings = z.infer<typeof AdvisorSettings>;

export const DEFAULT_ADVISOR_SETTINGS: AdvisorSettings = AdvisorSettings.parse({});

/** A household's saved overrides on top of the defaults (validated). */
export function resolveAdvisorSettings(overrides: Partial<AdvisorSettings> = {}): AdvisorSettings {
  return AdvisorSettings.parse(overrides);
}

/** What each setting means, for the settings page and docs/advisor-rules.md. All are product choices. */
export const ADVISOR_SETTING_NOTES: Readonly<Record<AdvisorSettingName, string>> = Object.fromEntries(
  Object.entries(ADVISOR_SETTING_SPECS).map(([name, spec]) => [name, spec.note]),
) as Record<AdvisorSettingName, string>;

/** Product choice: services are judged over the last four full Monday-to-Sunday weeks before this one. */
export const SERVICE_REVIEW_WEEKS = 4;
