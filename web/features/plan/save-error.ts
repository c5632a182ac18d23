import { datesInWords } from '../../components/dates.ts';
import { applyApiError } from '../../components/form-errors.tsx';

/**
 * applyApiError, with the dates in the server's messages written in words. Puts each message next to
 * its field and returns the rest for the top of the form; what was typed stays.
 */
export function saveError(
  form: { setErrors(errors: Record<string, string>): void; values: object },
  error: unknown,
  fieldMap?: Record<string, string>,
): string | null {
  const message = applyApiError(
    {
      values: form.values,
      setErrors: (errors) =>
        form.setErrors(
          Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, datesInWords(v, 'monthDayYear')])),
        ),
    },
    error,
    fieldMap,
  );
  return message ? datesInWords(message, 'monthDayYear') : null;
}
