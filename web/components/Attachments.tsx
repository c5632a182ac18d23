import { Anchor, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ATTACHMENT_IDS_MAX } from '../../src/api/attachments.ts';
import { INLINE_IMAGE_TYPES } from '../../src/domain/attachment-types.ts';
import { get } from '../api/client.ts';
import type { Attachment } from '../api/types.ts';
import classes from './ui.module.css';

// Files kept as evidence (photos of work, PDFs): the household's list, their addresses, and a row of
// small previews that open the file.

export const attachmentsKey = (householdId: string) => ['attachments', householdId];

/**
 * The files a screen shows, by id: asked for by their ids (ATTACHMENT_IDS_MAX per request), never
 * every file of the household (a mailbox import can bring thousands).
 */
export function useAttachments(householdId: string, ids: readonly string[]) {
  const wanted = [...new Set(ids)].sort();
  return useQuery({
    queryKey: [...attachmentsKey(householdId), wanted],
    queryFn: async () => {
      const found: Attachment[] = [];
      for (let i = 0; i < wanted.length; i += ATTACHMENT_IDS_MAX) {
        const chunk = wanted.slice(i, i + ATTACHMENT_IDS_MAX);
        found.push(
          ...(await get<Attachment[]>(
            `/households/${householdId}/attachments?ids=${chunk.join(',')}&limit=${ATTACHMENT_IDS_MAX}`,
          )),
        );
      }
      return new Map(found.map((a) => [a.id, a]));
    },
    // Showing more messages asks for more files: keep showing those already known meanwhile.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const attachmentUrl = (householdId: string, id: string, part: 'content' | 'thumbnail') =>
  `/api/households/${householdId}/attachments/${id}/${part}`;

/** Where to open a file: images in the browser, other files as a download. */
export function attachmentHref(householdId: string, a: Pick<Attachment, 'id' | 'mediaType'>): string {
  return `${attachmentUrl(householdId, a.id, 'content')}${INLINE_IMAGE_TYPES.has(a.mediaType) ? '' : '?download=1'}`;
}

export function sizeWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

const KIND_WORDS: Record<string, string> = {
  'application/pdf': 'PDF',
  'text/plain': 'text',
  'image/heic': 'photo',
};

function kindWords(a: Attachment): string {
  if (KIND_WORDS[a.mediaType]) return KIND_WORDS[a.mediaType] as string;
  if (a.mediaType.startsWith('image/')) return 'image';
  return 'document';
}

/** A preview (or the name) of each file, each a link that opens it. */
export function AttachmentLinks({
  householdId,
  ids,
  byId,
  size = 72,
}: {
  householdId: string;
  ids: string[];
  byId: Map<string, Attachment> | undefined;
  size?: number;
}) {
  if (ids.length === 0) return null;
  return (
    <Group component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Files">
      {ids.map((id) => {
        const a = byId?.get(id);
        if (!a) {
          return (
            <Text component="li" key={id} size="sm" className={classes.muted}>
              A file (loading…)
            </Text>
          );
        }
        const inline = INLINE_IMAGE_TYPES.has(a.mediaType);
        return (
          <li key={id}>
            <Anchor
              href={attachmentHref(householdId, a)}
              target={inline ? '_blank' : undefined}
              rel={inline ? 'noopener' : undefined}
              underline="always"
              className={classes.link}
              aria-label={`${a.filename} (${kindWords(a)}, ${sizeWords(a.size)}${inline ? ', opens in a new tab' : ', downloads'})`}
            >
              <Stack gap={2} align="flex-start" maw={Math.max(size, 120)}>
                {a.hasThumbnail && (
                  <img
                    src={attachmentUrl(householdId, a.id, 'thumbnail')}
                    alt=""
                    width={size}
                    height={size}
                    loading="lazy"
                    style={{ objectFit: 'cover', borderRadius: 6, display: 'block' }}
                  />
                )}
                <Text span size="xs" style={{ overflowWrap: 'anywhere' }}>
                  <bdi>{a.filename}</bdi>
                </Text>
              </Stack>
            </Anchor>
          </li>
        );
      })}
    </Group>
  );
}
