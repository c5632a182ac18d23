import type app from '../../src/domain/i18n/locales/en/app.json';
import type calendar from '../../src/domain/i18n/locales/en/calendar.json';
import type checkin from '../../src/domain/i18n/locales/en/checkin.json';
import type household from '../../src/domain/i18n/locales/en/household.json';
import type ledger from '../../src/domain/i18n/locales/en/ledger.json';
import type onboarding from '../../src/domain/i18n/locales/en/onboarding.json';
import type plan from '../../src/domain/i18n/locales/en/plan.json';
import type week from '../../src/domain/i18n/locales/en/week.json';

// The keys of the catalogs the web app uses, typed from the English files (the reference every other
// language must match). A new part of the catalog (src/domain/i18n/locales/en/<part>.json) is added
// here and to `Namespace`.

/** The parts of the catalog the web app loads: "app" with the first screen, the others with their pages. */
export type Namespace =
  | 'app'
  | 'calendar'
  | 'checkin'
  | 'household'
  | 'ledger'
  | 'onboarding'
  | 'plan'
  | 'week';

export type MessageKey =
  | keyof typeof app
  | keyof typeof calendar
  | keyof typeof checkin
  | keyof typeof household
  | keyof typeof ledger
  | keyof typeof onboarding
  | keyof typeof plan
  | keyof typeof week;
