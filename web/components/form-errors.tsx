import { Alert } from '@mantine/core';
import { ApiError } from '../api/client.ts';
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
  if (!(error instanceof ApiError)) return 'Something went wrong. Nothing was lost: try again.';
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

/** The title says what did not happen: most forms save something, some (signing in) do not. */
export function FormError({ message, title = 'Not saved yet' }: { message: string | null; title?: string }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert" title={title}>
      {message}
    </Alert>
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
