import { datesInWords, localeFor } from '../../components/dates.ts';
import { applyApiError } from '../../components/form-errors.tsx';
import { currentLanguage } from '../../i18n/i18n.tsx';

/**
 * applyApiError, with the dates in the server's messages written in words. Puts each message next to
 * its field and returns the rest for the top of the form; what was typed stays. The dates are written
 * in the language on screen.
 */
export function saveError(
  form: { setErrors(errors: Record<string, string>): void; values: object },
  error: unknown,
  fieldMap?: Record<string, string>,
): string | null {
  const locale = localeFor(currentLanguage());
  const message = applyApiError(
    {
      values: form.values,
      setErrors: (errors) =>
        form.setErrors(
          Object.fromEntries(
            Object.entries(errors).map(([k, v]) => [k, datesInWords(v, 'monthDayYear', locale)]),
          ),
        ),
    },
    error,
    fieldMap,
  );
  return message ? datesInWords(message, 'monthDayYear', locale) : null;
}
