import type advisor from '../../src/domain/i18n/locales/en/advisor.json';
import type app from '../../src/domain/i18n/locales/en/app.json';
import type calendar from '../../src/domain/i18n/locales/en/calendar.json';
import type caseload from '../../src/domain/i18n/locales/en/caseload.json';
import type checkin from '../../src/domain/i18n/locales/en/checkin.json';
import type household from '../../src/domain/i18n/locales/en/household.json';
import type ledger from '../../src/domain/i18n/locales/en/ledger.json';
import type letters from '../../src/domain/i18n/locales/en/letters.json';
import type messages from '../../src/domain/i18n/locales/en/messages.json';
import type onboarding from '../../src/domain/i18n/locales/en/onboarding.json';
import type plan from '../../src/domain/i18n/locales/en/plan.json';
import type records from '../../src/domain/i18n/locales/en/records.json';
import type report from '../../src/domain/i18n/locales/en/report.json';
import type review from '../../src/domain/i18n/locales/en/review.json';
import type servicelog from '../../src/domain/i18n/locales/en/servicelog.json';
import type staff from '../../src/domain/i18n/locales/en/staff.json';
import type week from '../../src/domain/i18n/locales/en/week.json';

// The keys of the catalogs the web app uses, typed from the English files (the reference every other
// language must match). A new part of the catalog (src/domain/i18n/locales/en/<part>.json) is added
// here and to `Namespace`.

/** The parts of the catalog the web app loads: "app" with the first screen, the others with their pages. */
export type Namespace =
  | 'advisor'
  | 'app'
  | 'calendar'
  | 'caseload'
  | 'checkin'
  | 'household'
  | 'ledger'
  | 'letters'
  | 'messages'
  | 'onboarding'
  | 'plan'
  | 'records'
  | 'report'
  | 'review'
  | 'servicelog'
  | 'staff'
  | 'week';

export type MessageKey =
  | keyof typeof advisor
  | keyof typeof app
  | keyof typeof calendar
  | keyof typeof caseload
  | keyof typeof checkin
  | keyof typeof household
  | keyof typeof ledger
  | keyof typeof letters
  | keyof typeof messages
  | keyof typeof onboarding
  | keyof typeof plan
  | keyof typeof records
  | keyof typeof report
  | keyof typeof review
  | keyof typeof servicelog
  | keyof typeof staff
  | keyof typeof week;
