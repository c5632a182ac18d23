import { z } from 'zod';
import { IdSchema } from '../domain/common.ts';

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
