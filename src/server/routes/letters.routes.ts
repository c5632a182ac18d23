import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AsOfQuery,
  ChildPageQuery,
  ErrorResponse,
  errors,
  HouseholdParams,
  RecordParams,
} from '../../api/common.ts';
import {
  Advice,
  DraftLetterInput,
  LetterPatch,
  LetterRecord,
  LetterVersion,
  LetterVersionQuery,
  MarkSentInput,
  MarkSentResult,
  ToneCheckInput,
  ToneCheckResult,
} from '../../api/letters.ts';
import { roleAllows } from '../../domain/permissions.ts';
import { textLanguage } from '../../domain/text-language.ts';
import { checkTone } from '../../domain/tone.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { readerLanguage } from '../i18n.ts';
import { adviceForScreen } from '../services/advice.ts';
import { letterAsEml } from '../services/letter-eml.ts';
import {
  deleteLetterDraft,
  draftLetterForChild,
  getLetter,
  letterInLanguage,
  listLetters,
  markLetterSent,
  updateLetter,
} from '../services/letters.ts';
import { sendPage } from './pagination.ts';
import { contentDisposition, contextFor, typed } from './shared.ts';

/** The family member writing: the signed-in user (letters are signed with their name). */
function writer(request: FastifyRequest) {
  const user = request.auth.session?.user;
  return { name: user?.displayName ?? 'Parent', email: user?.email ?? null };
}

export function registerLetterRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const base = '/households/:householdId/letters';

  api.post(
    '/households/:householdId/children/:id/letters',
    {
      config: { access: access.household('letter.draft') },
      schema: {
        tags: ['Letters'],
        summary:
          'Draft a letter from the record (a specific concern, a check-in, a follow-up, a request, an escalation, a complaint draft)',
        params: RecordParams,
        body: DraftLetterInput,
        response: { 201: LetterRecord, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextFor(deps, request);
      const letter = await draftLetterForChild(
        deps.store,
        ctx,
        request.params.id,
        request.body,
        writer(request),
      );
      return reply.status(201).send(letter);
    },
  );

  api.get(
    base,
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Letters'],
        summary: 'Letters drafted and sent, newest first, a page at a time',
        params: HouseholdParams,
        querystring: ChildPageQuery,
        response: { 200: z.array(LetterRecord), ...errors },
      },
    },
    async (request, reply) => {
      const { childId, ...page } = request.query;
      return sendPage(
        request,
        reply,
        await listLetters(deps.store, request.params.householdId, childId, page),
      );
    },
  );

  api.get(
    `${base}/:id`,
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Letters'],
        summary: 'One letter, with what the tone check flags in it',
        params: RecordParams,
        response: { 200: LetterRecord, ...errors },
      },
    },
    async (request) => getLetter(deps.store, request.params.householdId, request.params.id),
  );

  api.get(
    `${base}/:id/version`,
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Letters'],
        summary:
          'The letter drafted again in another language (English or Spanish), from what it was drafted for and the record now; the edits made to the draft are not in it',
        params: RecordParams,
        querystring: LetterVersionQuery,
        response: { 200: LetterVersion, ...errors },
      },
    },
    async (request) =>
      letterInLanguage(
        deps.store,
        contextFor(deps, request),
        request.params.id,
        request.query,
        writer(request),
      ),
  );

  api.patch(
    `${base}/:id`,
    {
      config: { access: access.household('letter.draft') },
      schema: {
        tags: ['Letters'],
        summary:
          'Edit a draft (subject, body, recipients, the reply date, the attachment); the answer carries the tone check of the new text and the gaps still to fill',
        params: RecordParams,
        body: LetterPatch,
        response: { 200: LetterRecord, 409: ErrorResponse, ...errors },
      },
    },
    async (request) => updateLetter(deps.store, contextFor(deps, request), request.params.id, request.body),
  );

  api.post(
    `${base}/:id/sent`,
    {
      config: { access: access.household('plan.write') },
      schema: {
        tags: ['Letters'],
        summary:
          'Mark a letter sent: it is logged as a sent message and the reply clock starts from the date it asks a reply by. Refused while a gap the draft left ("[...]") is still in it',
        params: RecordParams,
        body: MarkSentInput,
        response: {
          200: MarkSentResult,
          409: ErrorResponse,
          ...errors,
        },
      },
    },
    async (request) => markLetterSent(deps.store, contextFor(deps, request), request.params.id, request.body),
  );

  api.delete(
    `${base}/:id`,
    {
      config: { access: access.household('letter.draft') },
      schema: {
        tags: ['Letters'],
        summary: 'Delete a draft (a sent letter stays)',
        params: RecordParams,
        response: { 204: z.null(), 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      await deleteLetterDraft(deps.store, contextFor(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    `${base}/:id/eml`,
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Letters'],
        summary:
          'The letter as an .eml draft to open in a mail program, with its attachment (the session log or the report; needs the export permission). Refused while a gap the draft left ("[...]") is still in it',
        params: RecordParams,
        response: { 200: z.unknown().describe('The message (message/rfc822)'), ...errors },
      },
    },
    async (request, reply) => {
      const from = writer(request);
      const role = request.auth.role;
      const { filename, eml } = await letterAsEml(
        deps.store,
        request.params.householdId,
        request.params.id,
        { name: from.name, email: from.email ?? 'parent@example.invalid' },
        deps.clock.now(),
        { today: deps.clock.today(), mayExport: role != null && roleAllows(role, 'export'), preparer: from },
      );
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', contentDisposition('attachment', filename))
        .send(eml);
    },
  );

  api.post(
    '/households/:householdId/tone-check',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Letters'],
        summary:
          'Check any text for accusing or absolute phrasing, with gentler ways to say it (nothing is stored)',
        params: HouseholdParams,
        body: ToneCheckInput,
        response: { 200: ToneCheckResult, ...errors },
      },
    },
    async (request) => ({
      flags: checkTone(request.body.text, {
        formal: request.body.formal,
        language: request.body.language ?? textLanguage(request.body.text),
      }),
    }),
  );

  api.get(
    '/households/:householdId/children/:id/advice',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Advisor'],
        summary:
          'What to do next and by when: follow up, write a summary, call an IEP meeting, escalate; each with its reason, entries, citation, deadlines and the letter to send; and upcoming reminders',
        params: RecordParams,
        querystring: AsOfQuery,
        response: { 200: Advice, ...errors },
      },
    },
    async (request) =>
      adviceForScreen(
        deps.store,
        request.params.householdId,
        request.params.id,
        request.query.asOf ?? deps.clock.today(),
        writer(request),
        // The recommendations' sentences in the reader's language (issue 17); the fields are the same.
        readerLanguage(request),
      ),
  );
}
