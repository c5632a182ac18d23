import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HouseholdInput } from '../../api/households.ts';
import { LetterPatch, LetterRequestSchema } from '../../api/letters.ts';
import { LivingIepNotesInput } from '../../api/living-iep.ts';
import { ADVISOR_SETTING_SPECS, type AdvisorSettingSpec } from '../../domain/advisor-settings.ts';
import { type AcceptedType, sniffType } from '../../domain/attachment-types.ts';
import { CheckInInput } from '../../domain/check-in.ts';
import { IdSchema, IsoDateSchema, OptionalText, StoredText } from '../../domain/common.ts';
import { LETTER_KINDS } from '../../domain/letters.ts';
import { PlanAmendmentInput } from '../../domain/plan.ts';
import {
  EntryKind,
  EntrySource,
  MissReason,
  Responsibility,
  SessionEntryInput,
  StoredSessionStatus,
} from '../../domain/session-entry.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { checkFile } from './attachments.ts';
import { outputSchema, RESOURCES, type ResourceDef } from './resources.ts';

// What an import accepts, field by field: the same rules as the API's input schemas, so a document
// can hold nothing a person could not have entered (a class period starting at "<b>" once made five
// pages answer 500). The fields only the server writes (ids, instants, who recorded an entry, the
// journal) are checked for their shape. Then the rules between records that the API checks when a
// record is written and that nothing changes afterwards: an incident's steps are its own plan's, a
// work sample's accommodations and goals its own child's, a message's contacts and the message it
// answers its own child's, a check-in's answers about its own child, a correction of the same
// service and never a loop. References to rows outside the document are checked before this
// (checkDocumentReferences in household-transfer.ts).
//
// Every document an earlier version exported must still pass: test/fixtures/exports holds exports
// of earlier versions, and test/integration/import-rules.test.ts imports each.

/** An instant as the server writes it (`Date.toISOString`, or an offset a person may have typed). */
export const Instant = StoredText().refine(
  (s) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
    !Number.isNaN(Date.parse(s)),
  { message: 'must be an instant written as 2026-09-08T14:30:00.000Z' },
);

/** Who did something, as the server writes it: `user:<id>`, `staff_link:<id>`, `cli:demo`, `system:...`. */
const ActorLabel = StoredText().regex(/^(user|staff_link|cli|system):[A-Za-z0-9_.@:-]{1,200}$/, {
  message: 'must name who acted, like user:<id>',
});

type Problem = FieldIssue | null;
type Doc = Record<string, unknown>;
type Row = Record<string, unknown>;

/** The first issue of a failed parse, with its path under `prefix`. */
function firstIssue(result: z.ZodSafeParseResult<unknown>, prefix: string): Problem {
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return { path: [prefix, ...issue.path.map(String)].join('.'), message: issue.message };
}

const rows = (doc: Doc, key: string) => (doc[key] as Row[] | undefined) ?? [];

const RecordMeta = z.object({ createdAt: Instant, updatedAt: Instant });
const VoidMeta = z.object({
  voidedAt: Instant.nullable(),
  voidedBy: ActorLabel.nullable(),
  voidNote: OptionalText(5000),
});

/** A plain record: its API input rules (refinements included) and the server's fields. */
function checkResource(def: ResourceDef, record: Row, path: string): Problem {
  return (
    firstIssue(outputSchema(def).safeParse(record), path) ??
    firstIssue(def.input.safeParse(record), path) ??
    firstIssue(RecordMeta.safeParse(record), path) ??
    (def.voidable ? firstIssue(VoidMeta.safeParse(record), path) : null)
  );
}

/** A plan version's frozen content: the plan and its parts as they were, in API shape. */
const SNAPSHOT_PARTS: [string, ResourceDef][] = [
  ['services', RESOURCES.service],
  ['accommodations', RESOURCES.accommodation],
  ['goals', RESOURCES.goal],
  ['behaviorSteps', RESOURCES.behaviorStep],
  ['keyDates', RESOURCES.keyDate],
];

function checkPlanVersion(v: Row, path: string): Problem {
  const fields = z.object({
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.nullable(),
    // The first version's summary is the server's ("The plan as signed"); an amendment's, the parent's.
    summary: PlanAmendmentInput.shape.summary,
    createdAt: Instant,
  });
  const problem = firstIssue(fields.safeParse(v), path);
  if (problem) return problem;
  if (typeof v.effectiveTo === 'string' && v.effectiveTo < (v.effectiveFrom as string))
    return { path: `${path}.effectiveTo`, message: `must not be before effectiveFrom (${v.effectiveFrom})` };
  const snapshot = v.snapshot as Row | null;
  if (snapshot == null) return null;
  const plan = snapshot.plan;
  if (typeof plan !== 'object' || plan === null)
    return { path: `${path}.snapshot.plan`, message: 'must be the plan as it was' };
  const planProblem = checkResource(RESOURCES.plan, plan as Row, `${path}.snapshot.plan`);
  if (planProblem) return planProblem;
  for (const [key, def] of SNAPSHOT_PARTS) {
    const items = snapshot[key];
    if (!Array.isArray(items)) return { path: `${path}.snapshot.${key}`, message: 'must be a list' };
    for (const [i, item] of items.entries()) {
      const problem = checkResource(def, item as Row, `${path}.snapshot.${key}.${i}`);
      if (problem) return problem;
    }
  }
  return null;
}

/** A stored session entry: the API's rules for what it says, the server's fields for the rest. */
const StoredSessionEntry = z.object({
  date: IsoDateSchema,
  kind: EntryKind,
  status: StoredSessionStatus,
  minutesDelivered: z.number().int().min(0).max(1440),
  minutesPlanned: z.number().int().min(1).max(1440).nullable(),
  reason: MissReason.nullable(),
  reasonText: OptionalText(2000),
  responsibility: Responsibility.nullable(),
  source: EntrySource,
  note: OptionalText(5000),
  recordedBy: ActorLabel,
  createdAt: Instant,
  updatedAt: Instant,
});

function checkSessionEntry(e: Row, path: string): Problem {
  const problem = firstIssue(StoredSessionEntry.safeParse(e), path);
  if (problem) return problem;
  if (e.status === 'void') {
    // A void is only ever a correction ("logged by mistake"), and counts nothing.
    if (!e.correctsEntryId)
      return { path: `${path}.correctsEntryId`, message: 'a void must correct an entry' };
    return null;
  }
  return firstIssue(SessionEntryInput.safeParse(e), path);
}

/** Corrections stay within their service, correct an entry once, and never go round in a loop. */
function checkSessionChains(entries: Row[]): Problem {
  const byId = new Map(entries.map((e, i) => [e.id as string, { e, i }]));
  const correctedBy = new Map<string, number>();
  for (const [i, e] of entries.entries()) {
    const path = `sessionEntries.${i}`;
    const target = e.correctsEntryId as string | null;
    if (target) {
      if (target === e.id) return { path: `${path}.correctsEntryId`, message: 'cannot correct itself' };
      const other = byId.get(target);
      if (other && other.e.serviceId !== e.serviceId)
        return { path: `${path}.correctsEntryId`, message: 'must name an entry of the same service' };
      const earlier = correctedBy.get(target);
      if (earlier !== undefined)
        return {
          path: `${path}.correctsEntryId`,
          message: `names an entry that sessionEntries.${earlier} corrects already`,
        };
      correctedBy.set(target, i);
    }
    const makeupFor = e.makeupForEntryId as string | null;
    if (makeupFor) {
      if (e.kind !== 'makeup')
        return { path: `${path}.makeupForEntryId`, message: 'only a make-up can name the miss it makes up' };
      const miss = byId.get(makeupFor);
      if (miss && miss.e.serviceId !== e.serviceId)
        return { path: `${path}.makeupForEntryId`, message: 'must name an entry of the same service' };
    }
  }
  for (const [i, e] of entries.entries()) {
    const seen = new Set<string>([e.id as string]);
    for (let id = e.correctsEntryId as string | null; id; ) {
      if (seen.has(id))
        return { path: `sessionEntries.${i}.correctsEntryId`, message: 'makes a loop of corrections' };
      seen.add(id);
      id = (byId.get(id)?.e.correctsEntryId as string | null | undefined) ?? null;
    }
  }
  return null;
}

const RecordedAs = z
  .object({
    entity: z.enum(['session_entry', 'accommodation_observation', 'behavior_incident']),
    id: IdSchema,
  })
  .nullable()
  .default(null);

function checkCheckIn(c: Row, path: string): Problem {
  const problem =
    firstIssue(CheckInInput.safeParse(c), path) ??
    firstIssue(RecordMeta.safeParse(c), path) ??
    firstIssue(z.object({ answers: z.array(z.object({ recordedAs: RecordedAs })) }).safeParse(c), path);
  return problem;
}

/** A letter as the letters service stores it: its kind and request, and what the parent may edit. */
const LetterGuidance = z.object({
  placeholders: z.array(StoredText().max(500)).max(100),
  notes: z.array(StoredText().max(5000)).max(100),
});

function checkLetter(l: Row, path: string): Problem {
  if (!(LETTER_KINDS as readonly string[]).includes(l.kind as string))
    return {
      path: `${path}.kind`,
      message: `must be one of the letters As Written drafts (${LETTER_KINDS.join(', ')})`,
    };
  const request = l.request as Row;
  if (request?.kind !== l.kind)
    return { path: `${path}.request.kind`, message: `must be the letter's kind (${l.kind})` };
  const recipients = l.recipients as { to?: unknown; cc?: unknown };
  return (
    firstIssue(LetterRequestSchema.safeParse(request), `${path}.request`) ??
    firstIssue(
      LetterPatch.safeParse({ subject: l.subject, body: l.body, to: recipients.to, cc: recipients.cc }),
      path,
    ) ??
    firstIssue(LetterGuidance.safeParse(l.guidance), `${path}.guidance`) ??
    firstIssue(RecordMeta.safeParse(l), path)
  );
}

function checkSettings(s: Row, path: string): Problem {
  const reply = ADVISOR_SETTING_SPECS.replySchoolDays;
  const n = s.replySchoolDays;
  if (!Number.isInteger(n) || (n as number) < reply.min || (n as number) > reply.max)
    return {
      path: `${path}.replySchoolDays`,
      message: `must be a whole number from ${reply.min} to ${reply.max}`,
    };
  for (const [name, value] of Object.entries(s.advisor as Record<string, number>)) {
    const spec = (ADVISOR_SETTING_SPECS as Record<string, AdvisorSettingSpec>)[name];
    // A threshold this version does not know (renamed since) is ignored by the advisor; it must still be a number.
    if (!Number.isFinite(value)) return { path: `${path}.advisor.${name}`, message: 'must be a number' };
    if (!spec) continue;
    if (value < spec.min || value > spec.max || (!spec.share && !Number.isInteger(value)))
      return {
        path: `${path}.advisor.${name}`,
        message: `must be ${spec.share ? 'a share' : 'a whole number'} from ${spec.min} to ${spec.max}`,
      };
  }
  return firstIssue(z.object({ updatedAt: Instant }).safeParse(s), path);
}

const JournalShape = z.object({
  at: Instant,
  actor: ActorLabel,
  action: z.enum(['create', 'update', 'delete', 'amend', 'import']),
  entity: StoredText().regex(/^[a-z_]{1,60}$/, { message: 'must name a kind of record' }),
  entityId: StoredText().min(1).max(200),
});

const AttachmentShape = z.object({
  filename: StoredText()
    .min(1)
    .max(255)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a stored name never held them
    .refine((n) => !/[\u0000-\u001f\u007f\\/]/.test(n), { message: 'must be a file name, not a path' }),
  createdAt: Instant,
  updatedAt: Instant,
});

/**
 * The document's files get the one check every file gets (checkFile: type from the bytes, a name
 * that agrees, an image's header readable and within the pixel limit), and the description must be
 * of those bytes: their media type, their size, and a thumbnail only where there is one, a WebP.
 * An HTML page or an SVG image in an export is refused like an upload of one. The upload limit is
 * this server's setting, not the document's: a file another server accepted is not refused for it.
 */
export async function checkImportedFiles(doc: Doc): Promise<Problem> {
  // First that each file is the one its hash names (a file changed after export is refused as such).
  for (const [i, f] of rows(doc, 'attachmentFiles').entries()) {
    const content = Buffer.from(f.content as string, 'base64');
    if (createHash('sha256').update(content).digest('hex') !== f.sha256)
      return {
        path: `attachmentFiles.${i}.content`,
        message: `the file with hash ${f.sha256} does not match its hash`,
      };
  }
  const files = new Map(rows(doc, 'attachmentFiles').map((f, i) => [f.sha256 as string, { f, i }]));
  for (const [i, a] of rows(doc, 'attachments').entries()) {
    const path = `attachments.${i}`;
    const found = files.get(a.sha256 as string);
    if (!found) continue; // named by the references check
    const bytes = Buffer.from(found.f.content as string, 'base64');
    if (bytes.length !== a.size)
      return { path: `${path}.size`, message: `must be the file's size (${bytes.length} bytes)` };
    let type: AcceptedType;
    try {
      type = (await checkFile(bytes, a.filename as string, Number.POSITIVE_INFINITY, 'header')).type;
    } catch (error) {
      if (error instanceof AppError)
        return { path: `attachmentFiles.${found.i}.content`, message: error.message };
      throw error;
    }
    if (type.mediaType !== a.mediaType)
      return { path: `${path}.mediaType`, message: `must be ${type.mediaType}: the file is ${type.label}` };
    const thumbnail = found.f.thumbnail as string | null;
    if ((thumbnail != null) !== a.hasThumbnail)
      return {
        path: `${path}.hasThumbnail`,
        message: `must be ${thumbnail != null}: it says whether the file has a preview`,
      };
    if (
      thumbnail != null &&
      (sniffType(Buffer.from(thumbnail, 'base64')) as AcceptedType | null)?.mediaType !== 'image/webp'
    )
      return {
        path: `attachmentFiles.${found.i}.thumbnail`,
        message: 'must be a WebP image (the preview As Written made)',
      };
  }
  return null;
}

/**
 * The first record of the document (already in the export's shape) that the API would have refused.
 * `resourceSections` are the document's sections of plain records with their definitions (every
 * one the export writes, so a record type added later is checked without a change here).
 */
export function checkImportedRecords(doc: Doc, resourceSections: readonly [string, ResourceDef][]): Problem {
  const household = doc.household as Row;
  let problem: Problem =
    firstIssue(HouseholdInput.safeParse(household), 'household') ??
    firstIssue(z.object({ createdAt: Instant }).safeParse(household), 'household');
  if (problem) return problem;

  for (const [key, def] of resourceSections) {
    for (const [i, record] of rows(doc, key).entries()) {
      problem = checkResource(def, record, `${key}.${i}`);
      if (problem) return problem;
    }
  }
  const sections: [string, (r: Row, path: string) => Problem][] = [
    ['attachments', (a, p) => firstIssue(AttachmentShape.safeParse(a), p)],
    ['planVersions', checkPlanVersion],
    ['sessionEntries', checkSessionEntry],
    ['checkIns', checkCheckIn],
    ['letters', checkLetter],
    [
      'livingIepNotes',
      (n, p) =>
        firstIssue(
          LivingIepNotesInput.safeParse({ concerns: n.concerns, changes: n.changes, questions: n.questions }),
          p,
        ) ?? firstIssue(z.object({ updatedAt: Instant }).safeParse(n), p),
    ],
    ['settings', checkSettings],
    ['journal', (j, p) => firstIssue(JournalShape.safeParse(j), p)],
  ];
  for (const [key, check] of sections) {
    for (const [i, record] of rows(doc, key).entries()) {
      problem = check(record, `${key}.${i}`);
      if (problem) return problem;
    }
  }
  const journal = rows(doc, 'journal');
  for (const [i, j] of journal.entries()) {
    if (j.seq !== i + 1)
      return {
        path: `journal.${i}.seq`,
        message: `must be ${i + 1}: the journal is numbered from 1 in order`,
      };
  }
  return checkSessionChains(rows(doc, 'sessionEntries')) ?? checkBetweenRecords(doc);
}

/**
 * The rules between records that the API checks when a record is written and nothing undoes later
 * (an owner never changes), so every document a version of As Written wrote satisfies them.
 */
function checkBetweenRecords(doc: Doc): Problem {
  const childOfPlan = new Map(rows(doc, 'plans').map((p) => [p.id as string, p.childId as string]));
  const planOf = (key: string) => new Map(rows(doc, key).map((r) => [r.id as string, r.planId as string]));
  const stepPlan = planOf('behaviorSteps');
  const accommodationPlan = planOf('accommodations');
  const goalPlan = planOf('goals');
  const servicePlan = planOf('services');
  const contactChild = new Map(rows(doc, 'teamContacts').map((c) => [c.id as string, c.childId as string]));
  const messages = new Map(rows(doc, 'communications').map((c) => [c.id as string, c]));
  // A target the document does not hold (a message deleted since) was checked by the references.
  const ofChild = (plans: Map<string, string>, id: string, child: string) =>
    !plans.has(id) || childOfPlan.get(plans.get(id)!) === child;

  for (const [i, incident] of rows(doc, 'behaviorIncidents').entries()) {
    for (const key of ['stepsFollowed', 'stepsSkipped'] as const) {
      for (const [k, id] of (incident[key] as string[]).entries()) {
        if (stepPlan.has(id) && stepPlan.get(id) !== incident.planId)
          return {
            path: `behaviorIncidents.${i}.${key}.${k}`,
            message: 'must be a step of the incident’s own plan',
          };
        if (key === 'stepsSkipped' && (incident.stepsFollowed as string[]).includes(id))
          return { path: `behaviorIncidents.${i}.${key}.${k}`, message: 'is also listed as followed' };
      }
    }
  }
  for (const [i, sample] of rows(doc, 'workSamples').entries()) {
    const child = sample.childId as string;
    for (const [k, check] of (sample.accommodationChecks as { accommodationId: string }[]).entries()) {
      if (!ofChild(accommodationPlan, check.accommodationId, child))
        return {
          path: `workSamples.${i}.accommodationChecks.${k}.accommodationId`,
          message: 'must be an accommodation of the work sample’s own child',
        };
    }
    for (const [k, id] of (sample.goalIds as string[]).entries()) {
      if (!ofChild(goalPlan, id, child))
        return {
          path: `workSamples.${i}.goalIds.${k}`,
          message: 'must be a goal of the work sample’s own child',
        };
    }
  }
  for (const [i, message] of rows(doc, 'communications').entries()) {
    const child = message.childId as string;
    for (const [k, id] of (message.contactIds as string[]).entries()) {
      if (contactChild.has(id) && contactChild.get(id) !== child)
        return {
          path: `communications.${i}.contactIds.${k}`,
          message: 'must be a team contact of the message’s own child',
        };
    }
    for (const key of ['inReplyToId', 'followsUpId'] as const) {
      const id = message[key] as string | null;
      if (!id) continue;
      if (id === message.id)
        return { path: `communications.${i}.${key}`, message: 'cannot point at the same message' };
      const other = messages.get(id);
      if (other && other.childId !== child)
        return { path: `communications.${i}.${key}`, message: 'must be a message of the same child' };
    }
  }
  for (const [i, checkIn] of rows(doc, 'checkIns').entries()) {
    const child = checkIn.childId as string;
    for (const [k, answer] of (checkIn.answers as Row[]).entries()) {
      const path = `checkIns.${i}.answers.${k}`;
      if (typeof answer.serviceId === 'string' && !ofChild(servicePlan, answer.serviceId, child))
        return { path: `${path}.serviceId`, message: 'must be a service of the check-in’s own child' };
      if (
        typeof answer.accommodationId === 'string' &&
        !ofChild(accommodationPlan, answer.accommodationId, child)
      )
        return {
          path: `${path}.accommodationId`,
          message: 'must be an accommodation of the check-in’s own child',
        };
      if (
        typeof answer.planId === 'string' &&
        childOfPlan.has(answer.planId) &&
        childOfPlan.get(answer.planId) !== child
      )
        return { path: `${path}.planId`, message: 'must be a plan of the check-in’s own child' };
    }
  }
  for (const [i, letter] of rows(doc, 'letters').entries()) {
    const id = letter.communicationId as string | null;
    if (id && messages.has(id) && messages.get(id)!.childId !== letter.childId)
      return { path: `letters.${i}.communicationId`, message: 'must be a message of the letter’s own child' };
  }
  return null;
}
