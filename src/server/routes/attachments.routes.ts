import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  AttachmentListQuery,
  AttachmentSchema,
  ContentQuery,
  UploadQuery,
  UploadResult,
} from '../../api/attachments.ts';
import { ErrorResponse, errors, HouseholdParams, RecordParams } from '../../api/common.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import {
  deleteAttachment,
  getAttachment,
  listAttachments,
  readAttachment,
  storeAttachment,
} from '../services/attachments.ts';
import { sendPage } from './pagination.ts';
import { contentDisposition, contextFor, typed } from './shared.ts';

// Files are never rendered as documents of this site: a sandbox with no sources means that even a
// file a browser might try to render can run nothing and reach nothing.
const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

export function registerAttachmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const base = '/households/:householdId/attachments';

  // The upload body is the file itself. Fastify stops reading at the limit (and answers 413 from
  // the Content-Length alone when it says more); the service checks again and names the limit.
  // Each upload route sets its own bodyLimit (a mailbox may be larger than one file).
  api.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );

  api.post(
    base,
    {
      bodyLimit: deps.uploadLimitBytes,
      config: { access: access.household('plan.write'), upload: true },
      schema: {
        tags: ['Attachments'],
        summary: 'Upload a file (the request body is the file, sent as application/octet-stream)',
        description:
          'Accepted: images (JPEG, PNG, GIF, WebP, HEIC), PDF, plain text and office documents, checked from the bytes. The same file uploaded twice is stored once (200 with alreadyStored).',
        params: HouseholdParams,
        querystring: UploadQuery,
        response: { 200: UploadResult, 201: UploadResult, 413: ErrorResponse, 415: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextFor(deps, request);
      const body = request.body as unknown;
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const result = await storeAttachment(deps.store, ctx, {
        filename: request.query.filename,
        bytes,
        maxBytes: deps.uploadLimitBytes,
      });
      return reply.status(result.alreadyStored ? 200 : 201).send(result);
    },
  );

  api.get(
    base,
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Attachments'],
        summary: 'List the household’s files (or only those named by ids), a page at a time, as uploaded',
        params: HouseholdParams,
        querystring: AttachmentListQuery,
        response: { 200: z.array(AttachmentSchema), ...errors },
      },
    },
    async (request, reply) =>
      sendPage(request, reply, await listAttachments(deps.store, request.params.householdId, request.query)),
  );

  api.get(
    `${base}/:id`,
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: ['Attachments'],
        summary: 'Describe one file',
        params: RecordParams,
        response: { 200: AttachmentSchema, ...errors },
      },
    },
    async (request) => getAttachment(deps.store, request.params.householdId, request.params.id),
  );

  for (const part of ['content', 'thumbnail'] as const) {
    api.get(
      `${base}/:id/${part}`,
      {
        config: { access: access.household('plan.read') },
        schema: {
          tags: ['Attachments'],
          summary:
            part === 'content'
              ? 'The file: shown inline only for JPEG, PNG, GIF and WebP images, downloaded otherwise'
              : 'A small WebP preview of an image (404 when there is none)',
          params: RecordParams,
          querystring: ContentQuery,
          response: { 200: z.any(), ...errors },
        },
      },
      async (request, reply) => {
        const file = await readAttachment(deps.store, request.params.householdId, request.params.id, part);
        const inline = file.inline && request.query.download !== '1';
        const name =
          part === 'thumbnail'
            ? `${file.attachment.filename.replace(/\.[^.]+$/, '')}-preview.webp`
            : file.attachment.filename;
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', name))
          .header('content-security-policy', FILE_CSP)
          .header('cache-control', 'private, max-age=3600')
          .header('content-length', String(file.bytes.length))
          .send(file.bytes);
      },
    );
  }

  api.delete(
    `${base}/:id`,
    {
      config: { access: access.household('record.delete') },
      schema: {
        tags: ['Attachments'],
        summary: 'Delete a file no record uses any more (the journal keeps its description and hash)',
        params: RecordParams,
        response: { 204: z.null(), 404: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      await deleteAttachment(deps.store, contextFor(deps, request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
