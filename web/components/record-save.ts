import { notifications } from '@mantine/notifications';
import { type QueryKey, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, patch, post } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { applyApiError } from './form-errors.tsx';

/**
 * The save of a record form (an incident, a data point, a work sample): `save` changes `record` at
 * `/households/<householdId>/<path>/<id>`, or adds one (the body with `create`'s fields) when there is
 * none; then says `saved`, refreshes the queries under each of `refresh`, and calls `onDone`. A refused
 * save puts the server's messages on the fields (`fields` maps its names to the form's), the rest in
 * `error`, and the cursor on the first field named (`focusFirst`, from useFocusFirstError).
 */
export function useRecordSave(
  form: Parameters<typeof applyApiError>[0],
  {
    householdId,
    path,
    record,
    onDone,
    focusFirst,
  }: {
    householdId: string;
    path: string;
    record: { id: string } | null;
    onDone(): void;
    focusFirst(paths: readonly string[]): void;
  },
) {
  const t = useT();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = async (
    body: object,
    {
      create,
      saved,
      refresh,
      fields,
    }: { create: object; saved: string; refresh: QueryKey[]; fields?: Record<string, string> },
  ) => {
    try {
      if (record) await patch(`/households/${householdId}/${path}/${record.id}`, body);
      else await post(`/households/${householdId}/${path}`, { ...body, ...create });
      notifications.show({
        closeButtonProps: { 'aria-label': t('common.close') },
        color: 'green',
        message: saved,
      });
      for (const queryKey of refresh) await client.invalidateQueries({ queryKey });
      onDone();
    } catch (e) {
      setError(applyApiError(form, e, fields));
      if (e instanceof ApiError) focusFirst(e.fields.map((f) => f.path));
    }
  };
  return { error, setError, save };
}
