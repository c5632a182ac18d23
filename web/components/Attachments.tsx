import { Anchor, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { ATTACHMENT_IDS_MAX } from '../../src/api/attachments.ts';
import { INLINE_IMAGE_TYPES } from '../../src/domain/attachment-types.ts';
import { get } from '../api/client.ts';
import type { Attachment } from '../api/types.ts';
import { currentLanguage, useLanguage, useT } from '../i18n/i18n.tsx';
import { localeFor } from './dates.ts';
import classes from './ui.module.css';

// Files kept as evidence (photos of work, PDFs): the household's list, their addresses, and a row of
// small previews that open the file. Their words are in the catalog's part "records" (`records.file.*`),
// which the previews load themselves where a screen has not.

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

/**
 * "1.5 MB", "12 KB", "300 bytes": the number written the reader's way (in `locale`, else the language on
 * screen); the units read the same in the app's languages.
 */
export function sizeWords(bytes: number, locale: string | undefined = localeFor(currentLanguage())): string {
  const number = (n: number) => n.toLocaleString(locale, { useGrouping: false, maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${number(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${number(Math.round(bytes / 1024))} KB`;
  return `${number(bytes)} bytes`;
}

/** The kind of a file, for the catalog's select (`records.file.link`). */
function kindOf(a: Attachment): string {
  if (a.mediaType === 'application/pdf') return 'pdf';
  if (a.mediaType === 'text/plain') return 'text';
  if (a.mediaType === 'image/heic') return 'photo';
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
  // A screen that has not loaded the catalog's part "records" (messages) waits for it here only.
  return (
    <Suspense fallback={null}>
      <AttachmentList householdId={householdId} ids={ids} byId={byId} size={size} />
    </Suspense>
  );
}

/** The list itself: its words wait for the catalog's part "records" (loaded once, on first use). */
function AttachmentList({
  householdId,
  ids,
  byId,
  size,
}: {
  householdId: string;
  ids: string[];
  byId: Map<string, Attachment> | undefined;
  size: number;
}) {
  const t = useT('records');
  const locale = localeFor(useLanguage().language);
  return (
    <Group
      component="ul"
      gap="sm"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('records.file.list')}
    >
      {ids.map((id) => {
        const a = byId?.get(id);
        if (!a) {
          return (
            <Text component="li" key={id} size="sm" className={classes.muted}>
              {t('records.file.loading')}
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
              aria-label={t('records.file.link', {
                name: a.filename,
                kind: kindOf(a),
                size: sizeWords(a.size, locale),
                inline: inline ? 'yes' : 'no',
              })}
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
