import { z } from 'zod';
import { IdSchema } from '../domain/common.ts';
import { PageQuery } from './common.ts';

// Files kept as evidence: an upload's query and answer, and a file's description.

export const AttachmentSchema = z
  .object({
    id: IdSchema,
    householdId: IdSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    filename: z.string(),
    mediaType: z.string(),
    size: z.number().int().min(1),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    hasThumbnail: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Attachment' });

export const UploadQuery = z.object({
  filename: z
    .string()
    .trim()
    .min(1, { message: 'must name the file (for example "spelling-test.jpg")' })
    .max(1000),
});

export const UploadResult = z.object({
  attachment: AttachmentSchema,
  /** True when the same bytes were already stored in this household: nothing new was written. */
  alreadyStored: z.boolean(),
});

export const ContentQuery = z.object({ download: z.enum(['1']).optional() });

/** How many files one `?ids=` lookup may name. */
export const ATTACHMENT_IDS_MAX = 200;

/**
 * The file list: every file of the household a page at a time, or only the files named by `ids`
 * (comma-separated): what a screen showing some messages or samples asks for, instead of every file.
 */
export const AttachmentListQuery = PageQuery.extend({
  ids: z
    .string()
    .regex(
      new RegExp(`^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,${ATTACHMENT_IDS_MAX - 1}}$`),
      `must be up to ${ATTACHMENT_IDS_MAX} file ids (UUIDs), separated by commas`,
    )
    .optional()
    .describe(`Only these files: up to ${ATTACHMENT_IDS_MAX} ids, separated by commas`),
});
