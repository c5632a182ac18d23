import {
  Box,
  Button,
  Flex,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { del, get, patch, post } from '../../api/client.ts';
import { PlainModal } from '../../components/Dialogs.tsx';
import { localeFor } from '../../components/dates.ts';
import { FormError } from '../../components/form-errors.tsx';
import { RecordButtons } from '../../components/RecordButtons.tsx';
import ui from '../../components/ui.module.css';
import { type T as Translate, useLanguage, useT } from '../../i18n/i18n.tsx';
import { saveError } from './save-error.ts';

// One list of plain records of a plan (accommodations, goals, behavior steps, key dates) or of the
// child (team contacts), with adding, changing and deleting. Forms are driven by a list of fields; the
// server checks them, and its messages appear next to the fields they concern. A failed save keeps
// what was typed.

export type FieldDef = {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'select' | 'date' | 'number' | 'email' | 'tel';
  options?: { value: string; label: string }[];
  /** Must not be empty (the server says so too; this only marks the field). */
  required?: boolean;
  description?: string;
  /** Shown only when this returns true (e.g. the class name when an accommodation applies to a class). */
  showIf?: (values: Record<string, string>) => boolean;
  defaultValue?: string;
};

/** Which list a section is: its title, its noun and its messages come from the catalog by it. */
export type SectionKind = 'accommodation' | 'goal' | 'behaviorStep' | 'keyDate' | 'teamContact';

/** What a section's words are made with: the reader's messages and the locale for dates. */
export type Words = { t: Translate; locale: string | undefined };

export type SectionDef<Item extends { id: string }> = {
  /** Query key and API path segment. */
  path: string;
  section: SectionKind;
  parentKey: 'planId' | 'childId';
  fields(t: Translate): FieldDef[];
  /** A short name of one item for button labels: "Extended time (1.5x) on tests…". */
  itemName(item: Item, words: Words): string;
  render(item: Item, words: Words): ReactNode;
  intro?: ReactNode;
  sort?: (a: Item, b: Item) => number;
};

/** The reader's words for a section's lists and forms. */
function useWords(): Words {
  const t = useT('plan');
  return { t, locale: localeFor(useLanguage().language) };
}

type Props<T extends { id: string }> = {
  def: SectionDef<T>;
  householdId: string;
  parentId: string;
  /** The plan whose versions change when this content changes (none for team contacts). */
  planId: string | null;
  canEdit: boolean;
  canDelete: boolean;
  headingId: string;
};

const shorten = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

export function RecordSection<T extends { id: string }>({
  def,
  householdId,
  parentId,
  planId,
  canEdit,
  canDelete,
  headingId,
}: Props<T>) {
  const query = useQuery({
    queryKey: [def.path, householdId, parentId],
    queryFn: () => get<T[]>(`/households/${householdId}/${def.path}?${def.parentKey}=${parentId}`),
  });
  const words = useWords();
  const { t } = words;
  const section = def.section;
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const items = def.sort ? [...(query.data ?? [])].sort(def.sort) : (query.data ?? []);
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="center" mb="xs" gap="xs">
        <Title order={3} id={headingId}>
          {t('plan.section.title', { section })}
        </Title>
        {canEdit && (
          <Button size="xs" variant="default" onClick={() => setEditing('new')}>
            {t('plan.section.add', { section })}
          </Button>
        )}
      </Group>
      {def.intro}
      {query.isPending && <Text size="sm">{t('plan.loadingShort')}</Text>}
      {query.error && (
        <Text role="alert" size="sm">
          {t('plan.section.loadError', { section, error: query.error.message })}
        </Text>
      )}
      {query.data && items.length === 0 && <Text size="sm">{t('plan.section.empty', { section })}</Text>}
      {items.length > 0 && (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <Paper component="li" key={item.id} withBorder p="sm">
              <Flex direction={{ base: 'column', sm: 'row' }} justify="space-between" gap="xs">
                <Box style={{ flex: 1, minWidth: 0 }}>{def.render(item, words)}</Box>
                {(canEdit || canDelete) && (
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <RecordButtons
                      name={t('plan.section.itemName', { section, name: shorten(def.itemName(item, words)) })}
                      canEdit={canEdit}
                      canDelete={canDelete}
                      onEdit={() => setEditing(item)}
                      onDelete={() => setDeleting(item)}
                    />
                  </Group>
                )}
              </Flex>
            </Paper>
          ))}
        </Stack>
      )}
      {editing && (
        <RecordFormModal
          def={def}
          item={editing === 'new' ? null : editing}
          householdId={householdId}
          parentId={parentId}
          planId={planId}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <DeleteModal
          def={def}
          item={deleting}
          householdId={householdId}
          parentId={parentId}
          planId={planId}
          onClose={() => setDeleting(null)}
        />
      )}
    </Box>
  );
}

function initialValues(fields: FieldDef[], item: Record<string, unknown> | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of fields) {
    const v = item?.[f.name];
    values[f.name] = v == null ? (item ? '' : (f.defaultValue ?? f.options?.[0]?.value ?? '')) : String(v);
  }
  return values;
}

/** The body to send: empty optional fields become null, numbers become numbers, hidden fields are cleared. */
function toBody(fields: FieldDef[], values: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[f.name] ?? '';
    const shown = f.showIf ? f.showIf(values) : true;
    if (!shown) {
      body[f.name] = null;
      continue;
    }
    if (f.kind === 'number') body[f.name] = raw === '' ? null : Number(raw);
    else if (f.required || f.kind === 'select') body[f.name] = raw;
    else body[f.name] = raw.trim() === '' ? null : raw;
  }
  return body;
}

export function useInvalidatePlan(householdId: string) {
  const client = useQueryClient();
  return async (path: string, parentId: string, planId: string | null) => {
    await client.invalidateQueries({ queryKey: [path, householdId, parentId] });
    if (planId) {
      await client.invalidateQueries({ queryKey: ['plan-versions', householdId, planId] });
      await client.invalidateQueries({ queryKey: ['plan-version', householdId, planId] });
    }
  };
}

/** What an item's dialogs are given: the section, where the item lives, and how to close. */
type ItemDialogProps<T extends { id: string }> = {
  def: SectionDef<T>;
  householdId: string;
  parentId: string;
  planId: string | null;
  onClose(): void;
};

function RecordFormModal<T extends { id: string }>(props: ItemDialogProps<T> & { item: T | null }) {
  const { def, item, householdId, parentId, planId, onClose } = props;
  const invalidate = useInvalidatePlan(householdId);
  const { t } = useWords();
  const section = def.section;
  const fields = def.fields(t);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Record<string, string>>({
    initialValues: initialValues(fields, item as Record<string, unknown> | null),
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      const body = toBody(fields, values);
      if (item) await patch(`/households/${householdId}/${def.path}/${item.id}`, body);
      else await post(`/households/${householdId}/${def.path}`, { ...body, [def.parentKey]: parentId });
      await invalidate(def.path, parentId, planId);
      notifications.show({
        closeButtonProps: { 'aria-label': t('plan.record.closeMessage') },
        color: 'green',
        message: item ? t('plan.section.saved', { section }) : t('plan.section.added', { section }),
      });
      onClose();
    } catch (e) {
      setError(saveError(form, e));
    }
  });
  const title = item ? t('plan.section.edit', { section }) : t('plan.section.add', { section });
  return (
    <PlainModal opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate className={ui.page}>
        <Stack gap="sm">
          <FormError message={error} />
          {fields.map((f) => {
            if (f.showIf && !f.showIf(form.values)) return null;
            const common = {
              label: f.label,
              description: f.description,
              withAsterisk: f.required,
              ...form.getInputProps(f.name),
            };
            switch (f.kind) {
              case 'textarea':
                return <Textarea key={f.name} {...common} autosize minRows={2} maxRows={8} />;
              case 'select':
                return <NativeSelect key={f.name} {...common} data={f.options ?? []} />;
              case 'number':
                return <NumberInput key={f.name} {...common} allowDecimal={false} min={0} />;
              default:
                return <TextInput key={f.name} {...common} type={f.kind} />;
            }
          })}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('plan.record.cancel')}
            </Button>
            <Button type="submit" color="blue.8" loading={form.submitting}>
              {item ? t('plan.record.save') : t('plan.section.add', { section })}
            </Button>
          </Group>
        </Stack>
      </form>
    </PlainModal>
  );
}

function DeleteModal<T extends { id: string }>(props: ItemDialogProps<T> & { item: T }) {
  const { def, item, householdId, parentId, planId, onClose } = props;
  const invalidate = useInvalidatePlan(householdId);
  const words = useWords();
  const { t } = words;
  const section = def.section;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await del(`/households/${householdId}/${def.path}/${item.id}`);
      await invalidate(def.path, parentId, planId);
      notifications.show({
        closeButtonProps: { 'aria-label': t('plan.record.closeMessage') },
        color: 'green',
        message: t('plan.section.deleted', { section }),
      });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : t('plan.record.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <PlainModal opened onClose={onClose} title={t('plan.section.deleteTitle', { section })}>
      <Stack gap="sm" className={ui.page}>
        <Text>“{shorten(def.itemName(item, words), 200)}”</Text>
        <Text size="sm">{t('plan.record.deleteText', { versions: planId ? 'yes' : 'no' })}</Text>
        <FormError message={error} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('plan.record.keep')}
          </Button>
          <Button color="red.8" loading={busy} onClick={() => void confirm()}>
            {t('plan.record.delete')}
          </Button>
        </Group>
      </Stack>
    </PlainModal>
  );
}
