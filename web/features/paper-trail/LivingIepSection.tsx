import {
  Alert,
  Button,
  Group,
  List,
  Paper,
  Skeleton,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api, get } from '../../api/client.ts';
import type { Child, LivingIep, LivingIepItem, LivingIepNotes } from '../../api/types.ts';
import { datesInWords, formatDate, localeFor } from '../../components/dates.ts';
import { LoadFailed } from '../../components/LoadState.tsx';
import { ToneHints } from '../../components/ToneHints.tsx';
import { useLanguage, useT, useTParts } from '../../i18n/i18n.tsx';
import { Part } from './Part.tsx';
import classes from './paper-trail.module.css';

// The living IEP: what is working, what is not, what the parent wants changed, their concerns statement
// and their questions for the team, built from the record. The parent's own words (the statement, the
// changes and questions they add) are kept between visits and go into the Markdown download too.

const MAX_ITEMS = 30;

type Draft = { concerns: string; changes: string[]; questions: string[] };

const livingIepKey = (householdId: string, childId: string) => ['living-iep', householdId, childId];

export function LivingIepSection({
  householdId,
  child,
  canEdit,
}: {
  householdId: string;
  child: Child;
  canEdit: boolean;
}) {
  const t = useT('report');
  const tParts = useTParts();
  const base = `/households/${householdId}/children/${child.id}`;
  const doc = useQuery({
    queryKey: livingIepKey(householdId, child.id),
    queryFn: () => get<LivingIep>(`${base}/living-iep`),
  });
  return (
    <Stack gap="md">
      <Text size="sm">{tParts('report.living.intro', { name: <bdi>{child.firstName}</bdi> })}</Text>
      <Group gap="sm">
        <Button component="a" href={`/api${base}/living-iep.pdf`} download variant="default">
          {t('report.living.pdf')}
        </Button>
        <Button component="a" href={`/api${base}/living-iep.md`} download variant="default">
          {t('report.living.markdown')}
        </Button>
      </Group>
      <Text size="sm" mt={-8}>
        {t('report.living.downloads')}
      </Text>
      {doc.isError && (
        <LoadFailed
          title={t('report.living.loadError')}
          message={doc.error.message}
          onRetry={() => void doc.refetch()}
        />
      )}
      {doc.isPending && (
        <div role="status">
          <VisuallyHidden>{t('report.living.loading')}</VisuallyHidden>
          <Skeleton h={240} radius="md" aria-hidden />
        </div>
      )}
      {doc.data && (
        <LivingIepDocument
          key={child.id}
          doc={doc.data}
          householdId={householdId}
          childId={child.id}
          canEdit={canEdit}
        />
      )}
    </Stack>
  );
}

/** The record's items, without the parent's own (which the editor shows). */
const fromRecord = (items: LivingIepItem[], own: string[]) =>
  items.filter((i) => !(i.entryIds.length === 0 && own.includes(i.text)));

const normalized = (d: Draft): LivingIepNotes => ({
  concerns: d.concerns.trim() || null,
  changes: d.changes.map((c) => c.trim()).filter(Boolean),
  questions: d.questions.map((q) => q.trim()).filter(Boolean),
});

function LivingIepDocument({
  doc,
  householdId,
  childId,
  canEdit,
}: {
  doc: LivingIep;
  householdId: string;
  childId: string;
  canEdit: boolean;
}) {
  const t = useT('report');
  const locale = localeFor(useLanguage().language);
  const client = useQueryClient();
  const initial: Draft = {
    concerns: doc.parentInput.concerns ?? '',
    changes: doc.parentInput.changes,
    questions: doc.parentInput.questions,
  };
  const [draft, setDraft] = useState<Draft>(initial);
  const [saved, setSaved] = useState(() => JSON.stringify(normalized(initial)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const dirty = JSON.stringify(normalized(draft)) !== saved;
  const own = canEdit ? draft : initial;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    const body = normalized(draft);
    try {
      await api<LivingIepNotes>(
        'PUT',
        `/households/${householdId}/children/${childId}/living-iep/notes`,
        body,
      );
      setSaved(JSON.stringify(body));
      setDraft({ concerns: body.concerns ?? '', changes: body.changes, questions: body.questions });
      setDone(true);
      await client.invalidateQueries({ queryKey: livingIepKey(householdId, childId) });
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', t('report.living.saveFailed')));
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: string) => {
    const m = error?.fieldError(path);
    return m ? m.charAt(0).toUpperCase() + m.slice(1) : undefined;
  };

  const body = (
    <Stack gap="lg">
      <Text size="sm">
        {t('report.living.asOf', {
          name: doc.childName,
          plan: doc.planTitle,
          date: formatDate(doc.asOf, locale),
        })}{' '}
        {doc.nextMeeting
          ? t('report.living.nextMeeting', {
              label: doc.nextMeeting.label,
              date: formatDate(doc.nextMeeting.date, locale),
            })
          : t('report.living.noMeeting')}
      </Text>

      <Part id="living-working" title={t('report.living.working')}>
        <Items items={doc.working} empty={t('report.living.workingEmpty')} locale={locale} />
      </Part>

      <Part id="living-not-working" title={t('report.living.notWorking')}>
        <Items items={doc.notWorking} empty={t('report.living.notWorkingEmpty')} locale={locale} />
      </Part>

      <Part id="living-changes" title={t('report.living.changes')}>
        <Items items={fromRecord(doc.changes, own.changes)} empty={null} locale={locale} />
        {canEdit ? (
          <EditableList
            what="change"
            addLabel={t('report.living.addChange')}
            items={draft.changes}
            onChange={(changes) => setDraft((d) => ({ ...d, changes }))}
            errorFor={(i) => fieldError(`changes.${i}`)}
          />
        ) : (
          <Items items={own.changes.map((text) => ({ text, entryIds: [] }))} empty={null} locale={locale} />
        )}
        {fromRecord(doc.changes, own.changes).length === 0 && own.changes.length === 0 && !canEdit && (
          <Text size="sm">{t('report.living.nothingYet')}</Text>
        )}
      </Part>

      <Part id="living-concerns" title={t('report.living.concerns')}>
        <Text size="sm">{t('report.living.concernsHelp')}</Text>
        {doc.concernsPrompt.length > 0 && (
          <Paper withBorder p="sm" radius="md">
            <Text size="sm" fw={600} id="living-prompt">
              {t('report.living.facts')}
            </Text>
            <List size="sm" spacing={2} aria-labelledby="living-prompt">
              {doc.concernsPrompt.map((p) => (
                <List.Item key={p}>{datesInWords(p, 'weekdayShort', locale)}</List.Item>
              ))}
            </List>
          </Paper>
        )}
        {canEdit ? (
          <>
            <Textarea
              label={t('report.living.myConcerns')}
              autosize
              minRows={4}
              maxLength={10000}
              value={draft.concerns}
              error={fieldError('concerns')}
              onChange={(e) => {
                const concerns = e.currentTarget.value;
                setDraft((d) => ({ ...d, concerns }));
              }}
            />
            <ToneHints householdId={householdId} text={draft.concerns} />
          </>
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }}>{doc.concerns ?? t('report.living.notWritten')}</Text>
        )}
      </Part>

      <Part id="living-questions" title={t('report.living.questions')}>
        <Items items={fromRecord(doc.questions, own.questions)} empty={null} locale={locale} />
        {canEdit ? (
          <EditableList
            what="question"
            addLabel={t('report.living.addQuestion')}
            items={draft.questions}
            onChange={(questions) => setDraft((d) => ({ ...d, questions }))}
            errorFor={(i) => fieldError(`questions.${i}`)}
          />
        ) : (
          <Items items={own.questions.map((text) => ({ text, entryIds: [] }))} empty={null} locale={locale} />
        )}
      </Part>

      {canEdit ? (
        <Stack gap="xs">
          {error && !error.fields.length && (
            <Alert color="red" role="alert" title={t('report.living.notSaved')}>
              {error.message}
            </Alert>
          )}
          {error && error.fields.length > 0 && (
            <Alert color="red" role="alert" title={t('report.living.notSaved')}>
              {t('report.living.fixFields')}
            </Alert>
          )}
          <Group gap="sm">
            <Button type="submit" color="blue.8" loading={busy} disabled={!dirty && !error}>
              {t('report.living.save')}
            </Button>
            <Text size="sm" role="status">
              {dirty ? t('report.living.unsaved') : done ? t('report.living.saved') : ''}
            </Text>
          </Group>
        </Stack>
      ) : (
        <Text size="sm">{t('report.living.readOnly')}</Text>
      )}
    </Stack>
  );

  return canEdit ? (
    <form onSubmit={(e) => void save(e)} aria-label={t('report.living.form')} noValidate>
      {body}
    </form>
  ) : (
    body
  );
}

function Items({
  items,
  empty,
  locale,
}: {
  items: LivingIepItem[];
  empty: string | null;
  locale: string | undefined;
}) {
  if (items.length === 0) return empty ? <Text size="sm">{empty}</Text> : null;
  return (
    <List size="sm" spacing={4}>
      {items.map((i) => (
        <List.Item key={i.text}>{datesInWords(i.text, 'weekdayShort', locale)}</List.Item>
      ))}
    </List>
  );
}

/** The parent's own list (changes or questions): one text box each, added and removed freely. */
function EditableList({
  what,
  addLabel,
  items,
  onChange,
  errorFor,
}: {
  what: 'change' | 'question';
  addLabel: string;
  items: string[];
  onChange(items: string[]): void;
  errorFor(index: number): string | undefined;
}) {
  const t = useT('report');
  const list = useRef<HTMLUListElement>(null);
  const add = () => {
    onChange([...items, '']);
    // Focus the new box once it is drawn.
    requestAnimationFrame(() => {
      const boxes = list.current?.querySelectorAll('textarea');
      boxes?.[boxes.length - 1]?.focus();
    });
  };
  return (
    <Stack gap="xs">
      {items.length > 0 && (
        <ul className={classes.plain} ref={list}>
          {items.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the boxes are edited in place; their position is their identity
            <li key={i}>
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <Textarea
                  label={t('report.living.item', { what, number: i + 1 })}
                  autosize
                  minRows={1}
                  maxLength={2000}
                  value={text}
                  error={errorFor(i)}
                  style={{ flex: 1, minWidth: 0 }}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    onChange(items.map((old, j) => (j === i ? value : old)));
                  }}
                />
                <Button
                  variant="default"
                  mt={24}
                  aria-label={t('report.living.removeItem', { what, number: i + 1 })}
                  onClick={() => onChange(items.filter((_, j) => j !== i))}
                >
                  {t('report.living.remove')}
                </Button>
              </Group>
            </li>
          ))}
        </ul>
      )}
      {items.length < MAX_ITEMS && (
        <Button variant="default" onClick={add} w="fit-content">
          {addLabel}
        </Button>
      )}
    </Stack>
  );
}
