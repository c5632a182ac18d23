import { Alert, type MantineSpacing, Stack } from '@mantine/core';
import { type FormEventHandler, type ReactNode, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { translateNow, useT } from '../i18n/i18n.tsx';
import { datesInWords } from './dates.ts';

/**
 * Put the server's field messages next to the fields they concern; return the message for
 * anything that is not a field on this form, to show above it. Never clears what was typed.
 */
export function applyApiError(
  form: { setErrors(errors: Record<string, string>): void; values: object },
  error: unknown,
  fieldMap: Record<string, string> = {},
): string | null {
  if (!(error instanceof ApiError)) return translateNow('app.somethingWrong');
  const errors: Record<string, string> = {};
  const leftovers: string[] = [];
  for (const f of error.fields) {
    const path = fieldMap[f.path] ?? f.path;
    // The server writes dates as YYYY-MM-DD; the reader sees them in words, as the inputs show them.
    const message = datesInWords(f.message);
    if (hasPath(form.values, path)) errors[path] = capitalise(message);
    else leftovers.push(`${f.path}: ${message}`);
  }
  form.setErrors(errors);
  if (Object.keys(errors).length > 0 && leftovers.length === 0) return null;
  return datesInWords(error.message);
}

function hasPath(values: object, path: string): boolean {
  let cursor: unknown = values;
  for (const part of path.split('.')) {
    if (cursor == null || typeof cursor !== 'object' || !(part in (cursor as object))) return false;
    cursor = (cursor as Record<string, unknown>)[part];
  }
  return true;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A dialog's message about a failed save, cleared when the dialog is closed by `close`. */
export function useDialogError(onClose: () => void) {
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return { error, setError, close };
}

/** The title says what did not happen: most forms save something, some (signing in) do not. */
export function FormError({ message, title }: { message: string | null; title?: string }) {
  const t = useT();
  if (!message) return null;
  return (
    <Alert color="red" role="alert" title={title ?? t('form.notSaved')}>
      {message}
    </Alert>
  );
}

/**
 * A form checked by the app rather than the browser (`noValidate`): its fields in a column, under the
 * message of a refused save (`error`), itself under the form's `heading` if it has one.
 */
export function FormStack({
  heading,
  onSubmit,
  error,
  gap = 'md',
  children,
}: {
  heading?: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: string | null;
  gap?: MantineSpacing;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap={gap}>
        {heading}
        <FormError message={error} />
        {children}
      </Stack>
    </form>
  );
}

/**
 * After a refused save, put the cursor on the first field with a message (`paths` in the form's order).
 * A field the form cannot find itself (a list of files) is found by `nodeOf`; a group (radios) gives
 * focus to its first control. `onInvalid` is the form's own validation failing.
 */
export function useFocusFirstError(
  form: { getInputNode(path: string): HTMLElement | null },
  nodeOf?: (path: string) => HTMLElement | null | undefined,
) {
  const focusFirst = (paths: readonly string[]) =>
    requestAnimationFrame(() => {
      for (const path of paths) {
        const node = nodeOf?.(path) ?? form.getInputNode(path);
        const target = node?.matches('input, select, textarea, button')
          ? node
          : node?.querySelector<HTMLElement>('input, select, textarea');
        if (target) {
          target.focus();
          return;
        }
      }
    });
  const onInvalid = (errors: Record<string, unknown>) => focusFirst(Object.keys(errors));
  return { focusFirst, onInvalid };
}

/**
 * Fields a form puts the cursor on by name, each marked `ref={refTo('date')}`: `focus('date')`, or
 * after a refused save `focusRefused(error, order)`, the first field in the form's `order` that the
 * server had something to say about.
 */
export function useFieldRefs() {
  const fields = useRef<Record<string, HTMLElement | null>>({});
  const focus = (name: string) => requestAnimationFrame(() => fields.current[name]?.focus());
  const refTo = (name: string) => (el: HTMLElement | null) => {
    fields.current[name] = el;
  };
  const focusRefused = (error: unknown, order: readonly string[]) => {
    if (!(error instanceof ApiError)) return;
    const first = order.find((f) => error.fields.some((x) => x.path === f));
    if (first) focus(first);
  };
  return { refTo, focus, focusRefused };
}
