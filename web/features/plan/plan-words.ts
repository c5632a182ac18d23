import { localeFor } from '../../components/dates.ts';
import { amountWords as englishAmountWords, serviceAmountWords } from '../../components/plain-words.ts';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';
import { amountWords } from '../onboarding/service-form.ts';

// The plan page's words in the reader's language: its messages, the locale for dates, and a service's
// amount ("30 minutes, 2 times a week, pull-out"). English keeps the words the app always wrote;
// another language uses the onboarding's translated amounts.

type Amount = Parameters<typeof serviceAmountWords>[0];

export type PlanWords = {
  t: T;
  language: string;
  /** The locale to write dates in (`formatDate(iso, locale)`). */
  locale: string | undefined;
  /** A service's amount and setting in words. */
  amount(segment: Amount, setting: string | null | undefined): string;
};

/** An amount alone ("30 minutes, 2 times a week"), in the reader's language. */
export function amountOnlyInWords(t: T, language: string, segment: Amount): string {
  return language === 'en' ? englishAmountWords(segment) : amountWords(t, segment);
}

export function amountInWords(
  t: T,
  language: string,
  segment: Amount,
  setting: string | null | undefined,
): string {
  if (language === 'en') return serviceAmountWords(segment, setting);
  const amount = amountWords(t, segment);
  return setting ? `${amount}, ${t('onboarding.amount.settingWords', { setting })}` : amount;
}

/** The plan page's words: loads the "plan" part (and the onboarding's amounts). */
export function usePlanWords(): PlanWords {
  const t = useT('plan', 'onboarding');
  const { language } = useLanguage();
  return {
    t,
    language,
    locale: localeFor(language),
    amount: (segment, setting) => amountInWords(t, language, segment, setting),
  };
}
