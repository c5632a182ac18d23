import { z } from 'zod';
import { NonEmptyText, OptionalText } from '../domain/common.ts';

// The living IEP and the parent's own words for it.

export const LivingIepNotesInput = z
  .object({
    concerns: OptionalText(10000),
    changes: z.array(NonEmptyText(2000)).max(30).default([]),
    questions: z.array(NonEmptyText(2000)).max(30).default([]),
  })
  .strict();

const Item = z.object({ text: z.string(), entryIds: z.array(z.string()) });

export const LivingIepSchema = z.object({
  childName: z.string(),
  planTitle: z.string(),
  asOf: z.string(),
  nextMeeting: z.object({ date: z.string(), label: z.string() }).nullable(),
  working: z.array(Item),
  notWorking: z.array(Item),
  changes: z.array(Item),
  concerns: z.string().nullable(),
  concernsPrompt: z.array(z.string()),
  questions: z.array(Item),
  parentInput: z.object({
    concerns: z.string().nullable(),
    changes: z.array(z.string()),
    questions: z.array(z.string()),
  }),
});
