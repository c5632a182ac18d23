import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MemberRecord, SessionEntry } from '../api/types.ts';
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { correctedWords } from './corrections.ts';
import { formatDate, formatDay, formatInstant, localeFor } from './dates.ts';
import { happenedWords, reasonLabel, responsibilityLabel, sourceWords } from './plain-words.ts';
import classes from './ui.module.css';

type Tone = 'green' | 'red' | 'orange' | 'blue' | 'gray';
const TONE_CLASS: Record<Tone, string> = {
  green: classes.tagGreen as string,
  red: classes.tagRed as string,
  orange: classes.tagOrange as string,
  blue: classes.tagBlue as string,
  gray: classes.tagGray as string,
};

/** A small outlined label. Its words carry the meaning; the colour only repeats it. */
export function Tag({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`${classes.tag} ${TONE_CLASS[tone]}`}>{children}</span>;
}

/** A row of tags read as a list named `label` ("Status", "Shows"), each `text` in its `tone`. */
export function TagList({
  label,
  tags,
}: {
  label: string;
  tags: { key: string; tone: Tone; text: ReactNode }[];
}) {
  return (
    <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {tags.map((tag) => (
        <li key={tag.key}>
          <Tag tone={tag.tone}>{tag.text}</Tag>
        </li>
      ))}
    </Group>
  );
}

/** An entry's status as a tag: "Delivered", "Short", "Missed", "Make-up" or "Void". */
export function statusTag(e: SessionEntry) {
  return <StatusTag entry={e} />;
}

function StatusTag({ entry: e }: { entry: SessionEntry }) {
  const t = useT();
  if (e.status === 'void') return <Tag tone="gray">{t('common.entry.tag.void')}</Tag>;
  if (e.kind === 'makeup') return <Tag tone="blue">{t('common.entry.tag.makeup')}</Tag>;
  if (e.status === 'delivered') return <Tag tone="green">{t('common.entry.tag.delivered')}</Tag>;
  if (e.status === 'short') return <Tag tone="orange">{t('common.entry.tag.short')}</Tag>;
  return <Tag tone="red">{t('common.entry.tag.missed')}</Tag>;
}

type Props = {
  entry: SessionEntry;
  members: MemberRecord[] | undefined;
  /** The service's name, when the list mixes services. */
  serviceName?: string;
  /** Entries by id, to name the session a make-up or a correction points at. */
  byId?: Map<string, SessionEntry>;
  /** A line saying how this entry counts in the figure being shown. */
  counts?: string;
  component?: 'li' | 'div';
  /** Buttons to put the entry right ("Correct", "Void"), for those who may. */
  actions?: ReactNode;
};

export function SessionEntryCard({
  entry: e,
  members,
  serviceName,
  byId,
  counts,
  component = 'li',
  actions,
}: Props) {
  const t = useT();
  const locale = localeFor(useLanguage().language);
  const date = (iso: string) => formatDate(iso, locale);
  const reason = reasonLabel(e.reason, t);
  const madeUp = e.makeupForEntryId ? byId?.get(e.makeupForEntryId) : undefined;
  const corrects = e.correctsEntryId ? byId?.get(e.correctsEntryId) : undefined;
  const correctedBy = e.correctedByEntryId ? byId?.get(e.correctedByEntryId) : undefined;
  const isVoid = e.status === 'void';
  return (
    <Paper withBorder p="sm" component={component}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} className={e.correctedByEntryId ? classes.strike : undefined}>
            {formatDay(e.date, 'weekdayShortYear', locale)}
          </Text>
          <Group gap={6}>
            {statusTag(e)}
            {e.correctedByEntryId && <Tag tone="gray">{t('common.entry.tag.corrected')}</Tag>}
            {e.correctsEntryId && <Tag tone="gray">{t('common.entry.tag.correction')}</Tag>}
          </Group>
        </Group>
        {serviceName && <Text size="sm">{serviceName}</Text>}
        <Text className={e.correctedByEntryId ? classes.strike : undefined}>
          {isVoid
            ? t('common.entry.voided', {
                hasDate: corrects ? 'yes' : 'no',
                date: corrects ? date(corrects.date) : '',
              })
            : happenedWords(e, t)}
        </Text>
        {reason && (
          <Text size="sm">
            {t('common.entry.reason', {
              reason,
              hasText: e.reasonText ? 'yes' : 'no',
              text: e.reasonText ?? '',
            })}
          </Text>
        )}
        {!reason && e.reasonText && <Text size="sm">{e.reasonText}</Text>}
        {e.kind === 'makeup' && !isVoid && (
          <Text size="sm">
            {e.makeupForEntryId
              ? madeUp
                ? t('common.entry.makesUp', { date: date(madeUp.date) })
                : t('common.entry.makesUpEarlier')
              : t('common.entry.oldestOwed')}
          </Text>
        )}
        {e.responsibility && (
          <Text size="sm">
            {t('common.entry.classified', { label: responsibilityLabel(e.responsibility, t) })}
          </Text>
        )}
        {counts && (
          <Text size="sm" fw={600}>
            {counts}
          </Text>
        )}
        {e.note && <Text size="sm">{t('common.entry.note', { note: e.note })}</Text>}
        {e.correctedByEntryId && (
          <Text size="sm" fw={600}>
            {correctedBy
              ? t('common.entry.correctedBy', {
                  words: correctedWords(correctedBy, members, t, locale),
                  hasNote: correctedBy.note ? 'yes' : 'no',
                  note: correctedBy.note ?? '',
                  isVoid: correctedBy.status === 'void' ? 'yes' : 'no',
                })
              : t('common.entry.correctedLater')}
          </Text>
        )}
        {e.correctsEntryId && !isVoid && (
          <Text size="sm">
            {corrects
              ? t('common.entry.corrects', { date: date(corrects.date) })
              : t('common.entry.correctsEarlier')}
          </Text>
        )}
        <Text size="sm" className={classes.muted}>
          {t('common.entry.from', {
            source: sourceWords(e, members, t),
            when: formatInstant(e.recordedAt, locale),
          })}
        </Text>
        {actions && (
          <Group gap="xs" mt={4}>
            {actions}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
