import {
  Alert,
  Button,
  FileButton,
  Group,
  Paper,
  Progress,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, uploadFile } from '../api/client.ts';
import type { Attachment } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';
import { attachmentUrl, sizeWords } from './Attachments.tsx';
import classes from './ui.module.css';

// Choose photos or documents; each is uploaded as soon as it is chosen, so a parent sees at once
// whether the server kept it (with a preview) or refused it (with the reason). The parent form gets
// the ids of the files kept, in order, through onChange.

/** What the server accepts (it checks the bytes; this only narrows the picker). */
export const FILE_ACCEPT = 'image/*,application/pdf,.txt,.doc,.docx,.xls,.xlsx,.odt,.rtf';
const MAX_FILES = 20;

type Item =
  | { key: string; name: string; state: 'uploading'; sent: number }
  | { key: string; name: string; state: 'done'; attachment: Attachment; alreadyStored: boolean }
  | { key: string; name: string; state: 'refused'; message: string };

let counter = 0;
const nextKey = () => `file-${++counter}`;

export function FileUpload({
  householdId,
  label,
  description,
  initial = [],
  onChange,
  onBusyChange,
  error,
  required = false,
}: {
  householdId: string;
  label: string;
  description?: string;
  /** Files already attached (when changing a record). */
  initial?: Attachment[];
  /** The ids of the files uploaded and kept, in the order shown. */
  onChange(ids: string[]): void;
  /** True while a file is still uploading (a form should wait before saving). */
  onBusyChange?(busy: boolean): void;
  /** A message about the files from the form (for example "Add at least one photo"). */
  error?: string | null;
  required?: boolean;
}) {
  const t = useT();
  const ids = useId();
  const [items, setItems] = useState<Item[]>(() =>
    initial.map((a) => ({
      key: nextKey(),
      name: a.filename,
      state: 'done',
      attachment: a,
      alreadyStored: false,
    })),
  );
  const [announcement, setAnnouncement] = useState('');
  const resetRef = useRef<() => void>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // Report the kept files (and whether anything is still uploading) whenever they change.
  const keptIds = items.flatMap((i) => (i.state === 'done' ? [i.attachment.id] : []));
  const keptKey = keptIds.join(',');
  const busy = items.some((i) => i.state === 'uploading');
  const report = useRef({ onChange, onBusyChange });
  report.current = { onChange, onBusyChange };
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keptKey stands for keptIds
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    report.current.onChange(keptIds);
  }, [keptKey]);
  useEffect(() => {
    report.current.onBusyChange?.(busy);
  }, [busy]);

  const update = (key: string, next: Item) => setItems((list) => list.map((i) => (i.key === key ? next : i)));

  const upload = async (file: File, key: string) => {
    try {
      const result = await uploadFile(householdId, file, (sent) =>
        setItems((list) => list.map((i) => (i.key === key && i.state === 'uploading' ? { ...i, sent } : i))),
      );
      setItems((list) => {
        // The same file chosen twice is kept once.
        const already = list.some(
          (i) => i.key !== key && i.state === 'done' && i.attachment.id === result.attachment.id,
        );
        if (already) return list.filter((i) => i.key !== key);
        return list.map((i) =>
          i.key === key
            ? {
                key,
                name: result.attachment.filename,
                state: 'done' as const,
                attachment: result.attachment,
                alreadyStored: result.alreadyStored,
              }
            : i,
        );
      });
      setAnnouncement(t('common.file.uploadedAnnounce', { name: result.attachment.filename }));
    } catch (e) {
      const message = e instanceof ApiError ? e.message : t('common.file.failed', { name: file.name });
      update(key, { key, name: file.name, state: 'refused', message });
      setAnnouncement('');
    }
  };

  const choose = (files: File[]) => {
    resetRef.current?.();
    const room = MAX_FILES - items.filter((i) => i.state !== 'refused').length;
    const taken = files.slice(0, Math.max(0, room));
    const added: Item[] = taken.map((f) => ({ key: nextKey(), name: f.name, state: 'uploading', sent: 0 }));
    const skipped = files.slice(taken.length).map<Item>((f) => ({
      key: nextKey(),
      name: f.name,
      state: 'refused',
      message: t('common.file.tooMany', { name: f.name, max: MAX_FILES }),
    }));
    setItems((list) => [...list, ...added, ...skipped]);
    if (added.length > 0)
      setAnnouncement(
        t('common.file.uploadingAnnounce', { count: added.length, name: added[0]?.name ?? '' }),
      );
    taken.forEach((f, i) => void upload(f, (added[i] as Item).key));
  };

  const remove = (item: Item) => {
    setItems((list) => list.filter((i) => i.key !== item.key));
    setAnnouncement(item.state === 'refused' ? '' : t('common.file.removed', { name: item.name }));
    buttonRef.current?.focus();
  };

  const labelId = `${ids}-label`;
  const descriptionId = `${ids}-description`;
  const errorId = `${ids}-error`;
  return (
    <Stack
      gap={6}
      role="group"
      aria-labelledby={labelId}
      aria-describedby={description ? descriptionId : undefined}
    >
      <div>
        <Text id={labelId} fw={500} size="sm">
          {label}
          {required && (
            <Text span c="var(--mantine-color-error)" aria-hidden>
              {' '}
              *
            </Text>
          )}
        </Text>
        {description && (
          <Text id={descriptionId} size="sm" className={classes.muted}>
            {description}
          </Text>
        )}
      </div>

      {items.length > 0 && (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('common.file.chosen')}
        >
          {items.map((item) => (
            <FileRow key={item.key} item={item} householdId={householdId} onRemove={() => remove(item)} />
          ))}
        </Stack>
      )}

      <Group gap="sm">
        <FileButton onChange={choose} accept={FILE_ACCEPT} multiple resetRef={resetRef}>
          {(props) => (
            <Button
              {...props}
              ref={buttonRef}
              data-file-button
              variant="default"
              aria-describedby={error ? errorId : undefined}
              aria-invalid={error ? true : undefined}
            >
              {items.some((i) => i.state === 'done') ? t('common.file.addAnother') : t('common.file.choose')}
            </Button>
          )}
        </FileButton>
      </Group>
      {error && (
        <Text id={errorId} size="sm" c="var(--mantine-color-error)" role="alert">
          {error}
        </Text>
      )}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </Stack>
  );
}

function FileRow({ item, householdId, onRemove }: { item: Item; householdId: string; onRemove(): void }) {
  const t = useT();
  return (
    <Paper component="li" withBorder p="xs" radius="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        {item.state === 'done' && item.attachment.hasThumbnail ? (
          <img
            src={attachmentUrl(householdId, item.attachment.id, 'thumbnail')}
            alt=""
            width={56}
            height={56}
            style={{ objectFit: 'cover', borderRadius: 6, flex: 'none' }}
          />
        ) : null}
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            <bdi>{item.name}</bdi>
          </Text>
          {item.state === 'uploading' && (
            <>
              <Text size="sm">{t('common.file.uploading', { percent: Math.round(item.sent * 100) })}</Text>
              <Progress
                value={item.sent * 100}
                size="sm"
                aria-label={t('common.file.uploadingLabel', { name: item.name })}
              />
            </>
          )}
          {item.state === 'done' && (
            <Text size="sm">
              {t('common.file.done', {
                stored: item.alreadyStored ? 'yes' : 'no',
                size: sizeWords(item.attachment.size),
              })}
            </Text>
          )}
          {item.state === 'refused' && (
            <Alert color="red" role="alert" p="xs" title={t('common.file.notUploaded')}>
              {item.message}
            </Alert>
          )}
        </Stack>
        {item.state !== 'uploading' && (
          <Button
            size="xs"
            variant="default"
            onClick={onRemove}
            aria-label={
              item.state === 'refused'
                ? t('common.file.dismissLabel', { name: item.name })
                : t('common.file.removeLabel', { name: item.name })
            }
          >
            {item.state === 'refused' ? t('common.file.dismiss') : t('common.file.remove')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
