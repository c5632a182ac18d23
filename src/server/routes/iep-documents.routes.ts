import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, errors, RecordParams } from '../../api/common.ts';
import {
  AmendmentFromDocumentInput,
  AmendmentFromDocumentResult,
  IepDocument,
  IepDocumentPageParams,
  IepDocumentQuery,
  PlanFromDocumentInput,
  PlanFromDocumentResult,
} from '../../api/iep-documents.ts';
import { sayWords } from '../../domain/i18n/words.ts';
import { draftInLanguage } from '../../domain/iep-reasons.ts';
import { refusalWords } from '../../domain/reader-refusals.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import type { ServiceContext } from '../context.ts';
import { readerLanguage, translatorFor } from '../i18n.ts';
import { amendPlanFromDocument } from '../services/iep-amendments.ts';
import { renderIepDocumentPage } from '../services/iep-document-pages.ts';
import {
  discardIepDocument,
  getIepDocument,
  listIepDocuments,
  readIepDocumentFile,
  receiveIepDocument,
  savePlanFromDocument,
} from '../services/iep-documents.ts';
import { contentDisposition, contextFor, typed } from './shared.ts';

// Starting from the IEP or 504 plan document (src/server/services/iep-documents.ts). Bringing one in and
// saving a plan from it is for whoever may write the plan (plan.write); seeing it, every member.

/**
 * A document as its reader reads it: the draft's reasons in the reader's language, from their catalog
 * words (src/domain/iep-reasons.ts); an English reader gets them exactly as the reader wrote them, and
 * a draft kept before reasons had words keeps its English ones; why a document could not be read, in
 * the reader's language too (src/domain/reader-refusals.ts).
 */
function forReader<T extends { draft: IepDocument['draft']; error: IepDocument['error'] }>(
  request: FastifyRequest,
  doc: T,
): T {
  const language = readerLanguage(request);
  if (language === 'en') return doc;
  const translator = translatorFor(language);
  // Why it could not be read is kept as its English sentence; its words are found back from it.
  const refused = doc.error ? refusalWords(doc.error) : null;
  return {
    ...doc,
    ...(doc.draft ? { draft: draftInLanguage(doc.draft, translator) } : {}),
    ...(refused && translator.has(refused.key) ? { error: sayWords(refused, translator) } : {}),
  };
}

export function registerIepDocumentRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const write = access.household('plan.write');
  /** Save what the parent reviewed (as a plan, or as an amendment): 201 with what the service answers. */
  const saved =
    <B, R>(
      save: (
        store: AppDeps['store'],
        ctx: ServiceContext,
        id: string,
        body: B,
        maxBytes: number,
      ) => Promise<R>,
    ) =>
    async (request: FastifyRequest<{ Params: { id: string }; Body: B }>, reply: FastifyReply) =>
      reply.status(201).send(
        await save(
          deps.store,
          contextFor(deps, request),
          request.params.id,
          // The route's body schema (the same B) parsed it before the handler runs.
          request.body as B,
          deps.iepUploadLimitBytes,
        ),
      );

  api.post(
    '/households/:householdId/children/:id/iep-documents',
    {
      bodyLimit: deps.iepUploadLimitBytes,
      config: { access: write, upload: true },
      schema: {
        tags: ['Plans'],
        summary:
          'Bring in the IEP or 504 plan document (a PDF or .docx, the body as application/octet-stream): kept apart from the record for 7 days and read off the request (202; follow it at GET iep-documents/:id)',
        params: RecordParams,
        querystring: IepDocumentQuery,
        response: { 202: IepDocument, 413: ErrorResponse, 415: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body as unknown;
      const made = await receiveIepDocument(
        deps.store,
        deps.jobs,
        contextFor(deps, request),
        request.params.id,
        {
          filename: request.query.filename,
          bytes: Buffer.isBuffer(body) ? body : Buffer.alloc(0),
          maxBytes: deps.iepUploadLimitBytes,
        },
      );
      return reply.status(202).send(forReader(request, made));
    },
  );

  api.get(
    '/households/:householdId/children/:id/iep-documents',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Plans'],
        summary: 'The IEP documents brought in for the child and not yet saved as a plan (newest first)',
        params: RecordParams,
        response: { 200: z.array(IepDocument), ...errors },
      },
    },
    async (request) =>
      (await listIepDocuments(deps.store, deps.clock, request.params.householdId, request.params.id)).map(
        (doc) => forReader(request, doc),
      ),
  );

  api.get(
    '/households/:householdId/iep-documents/:id',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Plans'],
        summary:
          'An IEP document: whether it is read yet, and the draft read from it (each item with its page and source text)',
        params: RecordParams,
        response: { 200: IepDocument, ...errors },
      },
    },
    async (request) =>
      forReader(request, await getIepDocument(deps.store, request.params.householdId, request.params.id)),
  );

  api.get(
    '/households/:householdId/iep-documents/:id/file',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Plans'],
        summary: 'The document itself, as a download',
        params: RecordParams,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await readIepDocumentFile(deps.store, request.params.householdId, request.params.id);
      return reply
        .header('content-type', file.row.mediaType)
        .header('content-disposition', contentDisposition('attachment', file.row.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(file.bytes);
    },
  );

  // A page drawn as an image for the review screen, beside what was read from it: seen as the file is.
  api.get(
    '/households/:householdId/iep-documents/:id/pages/:page',
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Plans'],
        summary:
          'A page of the document as a PNG image (150 DPI, grayscale) for the review screen; 404 for a Word document (it has no pages) or a page the PDF does not have',
        params: IepDocumentPageParams,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const { householdId, id, page } = request.params;
      const image = await renderIepDocumentPage(deps.store, householdId, id, page);
      return reply
        .header('content-type', 'image/png')
        .header('content-disposition', contentDisposition('inline', `page-${image.page}.png`))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(image.png);
    },
  );

  api.post(
    '/households/:householdId/iep-documents/:id/plan',
    {
      config: { access: write },
      schema: {
        tags: ['Plans'],
        summary:
          'Save the plan the parent reviewed: the plan, the services, accommodations, goals, key dates and team kept, each checked as if added by hand, and the document as the plan’s evidence, in one transaction',
        params: RecordParams,
        body: PlanFromDocumentInput,
        response: { 201: PlanFromDocumentResult, ...errors },
      },
    },
    saved(savePlanFromDocument),
  );

  api.post(
    '/households/:householdId/iep-documents/:id/amendment',
    {
      config: { access: write },
      schema: {
        tags: ['Plans'],
        summary:
          'Save a new version of the IEP read from a document: an amendment of the plan in force from its date, with the services, accommodations, goals, dates and team changed as the document says (compared by src/domain/iep-compare.ts), and the document as the new version’s source, in one transaction',
        params: RecordParams,
        body: AmendmentFromDocumentInput,
        response: { 201: AmendmentFromDocumentResult, ...errors },
      },
    },
    saved(amendPlanFromDocument),
  );

  api.delete(
    '/households/:householdId/iep-documents/:id',
    {
      config: { access: write },
      schema: {
        tags: ['Plans'],
        summary: 'Discard a document brought in (nothing of it was saved)',
        params: RecordParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await discardIepDocument(deps.store, request.params.householdId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
