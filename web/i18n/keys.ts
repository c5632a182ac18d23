import type app from '../../src/domain/i18n/locales/en/app.json';

// The keys of the catalogs the web app uses, typed from the English files (the reference every other
// language must match). A new part of the catalog (src/domain/i18n/locales/en/<part>.json) is added
// here and to `Namespace`.

/** The parts of the catalog the web app loads: "app" with the first screen, the others with their pages. */
export type Namespace = 'app';

export type MessageKey = keyof typeof app;
