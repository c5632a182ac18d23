import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MemberRecord, SessionEntry } from '../api/types.ts';
import { correctedWords } from './corrections.ts';
import { formatDate, formatDay, formatInstant } from './dates.ts';
import { happenedWords, RESPONSIBILITY_LABELS, reasonLabel, sourceWords } from './plain-words.ts';
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

export function statusTag(e: SessionEntry) {
  if (e.status === 'void') return <Tag tone="gray">Void</Tag>;
  if (e.kind === 'makeup') return <Tag tone="blue">Make-up</Tag>;
  if (e.status === 'delivered') return <Tag tone="green">Delivered</Tag>;
  if (e.status === 'short') return <Tag tone="orange">Short</Tag>;
  return <Tag tone="red">Missed</Tag>;
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
  const reason = reasonLabel(e.reason);
  const madeUp = e.makeupForEntryId ? byId?.get(e.makeupForEntryId) : undefined;
  const corrects = e.correctsEntryId ? byId?.get(e.correctsEntryId) : undefined;
  const correctedBy = e.correctedByEntryId ? byId?.get(e.correctedByEntryId) : undefined;
  const isVoid = e.status === 'void';
  return (
    <Paper withBorder p="sm" component={component}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} className={e.correctedByEntryId ? classes.strike : undefined}>
            {formatDay(e.date, 'weekdayShortYear')}
          </Text>
          <Group gap={6}>
            {statusTag(e)}
            {e.correctedByEntryId && <Tag tone="gray">Corrected</Tag>}
            {e.correctsEntryId && <Tag tone="gray">Correction</Tag>}
          </Group>
        </Group>
        {serviceName && <Text size="sm">{serviceName}</Text>}
        <Text className={e.correctedByEntryId ? classes.strike : undefined}>
          {isVoid
            ? `Voided as logged by mistake${corrects ? `: the entry of ${formatDate(corrects.date)} counts nowhere` : ''}`
            : happenedWords(e)}
        </Text>
        {reason && (
          <Text size="sm">
            Reason: {reason}
            {e.reasonText ? ` — ${e.reasonText}` : ''}
          </Text>
        )}
        {!reason && e.reasonText && <Text size="sm">{e.reasonText}</Text>}
        {e.kind === 'makeup' && !isVoid && (
          <Text size="sm">
            {e.makeupForEntryId
              ? `Makes up the session of ${madeUp ? formatDate(madeUp.date) : 'an earlier date'}`
              : 'Counts against the oldest minutes still owed'}
          </Text>
        )}
        {e.responsibility && (
          <Text size="sm">Classified by the family as: {RESPONSIBILITY_LABELS[e.responsibility]}</Text>
        )}
        {counts && (
          <Text size="sm" fw={600}>
            {counts}
          </Text>
        )}
        {e.note && <Text size="sm">Note: {e.note}</Text>}
        {e.correctedByEntryId && (
          <Text size="sm" fw={600}>
            {correctedBy
              ? `${correctedWords(correctedBy, members)}${correctedBy.note ? ` (“${correctedBy.note}”)` : ''}; ${correctedBy.status === 'void' ? 'it counts nowhere' : 'every figure counts the correction instead of this one'}.`
              : 'Corrected by a later entry; every figure counts the correction instead of this one.'}
          </Text>
        )}
        {e.correctsEntryId && !isVoid && (
          <Text size="sm">
            Corrects the entry of {corrects ? formatDate(corrects.date) : 'an earlier date'}.
          </Text>
        )}
        <Text size="sm" className={classes.muted}>
          From the {sourceWords(e, members)}, on {formatInstant(e.recordedAt)}
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
