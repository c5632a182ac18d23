import { z } from 'zod';
import { type Db, parseJsonColumn } from './repository.ts';
import type { HouseholdSettingsRow } from './schema.ts';

// A household's settings: one row a household (none until the family first changes one), with the
// advisor's thresholds in a JSON column read through its schema.

const AdvisorThresholds = z.record(z.string(), z.number());

export type StoredSettings = { replySchoolDays: number; advisor: Record<string, number> };

/** A settings row as the settings it holds. */
export function settingsFromRow(row: HouseholdSettingsRow): StoredSettings {
  return {
    replySchoolDays: Number(row.reply_school_days),
    advisor: parseJsonColumn(AdvisorThresholds, 'household_settings.advisor', row.advisor),
  };
}

/** The household's stored settings, or undefined when it has none yet. */
export async function findSettings(db: Db, householdId: string): Promise<StoredSettings | undefined> {
  const row = await db
    .selectFrom('household_settings')
    .selectAll()
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return row ? settingsFromRow(row) : undefined;
}

/** Replace the household's settings row with these settings, as changed at `at`. */
export async function replaceSettings(db: Db, householdId: string, settings: StoredSettings, at: string) {
  const row: HouseholdSettingsRow = {
    household_id: householdId,
    reply_school_days: settings.replySchoolDays,
    advisor: JSON.stringify(settings.advisor),
    updated_at: at,
  };
  await db.deleteFrom('household_settings').where('household_id', '=', householdId).execute();
  await db.insertInto('household_settings').values(row).execute();
}
