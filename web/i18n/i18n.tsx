import {
  createContext,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import {
  DEFAULT_LANGUAGE,
  languageName,
  matchLanguage,
  textDirection,
} from '../../src/domain/i18n/languages.ts';
import type en from '../../src/domain/i18n/locales/en.json';
import {
  type Catalog,
  createTranslator,
  type MessageValue,
  type MessageValues,
  type Translator,
} from '../../src/domain/i18n/translate.ts';

// The web app's language (issue 17). Only the active language's catalog is loaded (each catalog is
// its own chunk, compiled to message trees at build time: web/vite.config.ts). The language is the
// signed-in person's choice (their account); before sign-in, the one chosen on this device, else the
// browser's first language the app has a catalog for.

/** Every key of the catalogs: English is the reference every other catalog must match. */
export type MessageKey = keyof typeof en;

const loaders = import.meta.glob<Catalog>('../../src/domain/i18n/locales/*.json', { import: 'default' });
const byLanguage = new Map(
  Object.entries(loaders).map(([path, load]) => [/([^/]+)\.json$/.exec(path)![1]!, load] as const),
);

/** The languages offered, by code: one per catalog. */
export const LANGUAGES: readonly string[] = [...byLanguage.keys()].filter((l) => l !== 'en-xb').sort();

/** The language chosen on this device before signing in (or the last signed-in person's). */
const DEVICE_KEY = 'as-written.language';

function deviceLanguage(): string {
  try {
    const stored = localStorage.getItem(DEVICE_KEY);
    if (stored && byLanguage.has(stored)) return stored;
  } catch {
    // Storage may be off (private mode): go by the browser.
  }
  return matchLanguage(navigator.languages ?? [navigator.language], [...byLanguage.keys()]);
}

type I18n = {
  language: string;
  translator: Translator;
  /** Show the app in `language`; `explicit` when the person picked it (remembered on this device). */
  setLanguage(language: string, explicit?: boolean): void;
  /** Whether the person picked the language on this page (so signing in saves it to the account). */
  chosenHere: boolean;
};

const I18nContext = createContext<I18n | null>(null);

/** The translator on screen, for code that runs outside rendering (an event handler's fallback message). */
let active: Translator = createTranslator(DEFAULT_LANGUAGE, {});

/** `t` for code outside a component (a handler, a helper): the language on screen now. */
export function translateNow(key: MessageKey, values?: MessageValues): string {
  return active.t(key, values);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState(deviceLanguage);
  const [chosenHere, setChosenHere] = useState(false);
  const [loaded, setLoaded] = useState<{ language: string; catalog: Catalog } | null>(null);

  useEffect(() => {
    let live = true;
    const load = byLanguage.get(language) ?? byLanguage.get(DEFAULT_LANGUAGE)!;
    void load().then((catalog) => {
      if (live) setLoaded({ language, catalog });
    });
    document.documentElement.lang = language;
    document.documentElement.dir = textDirection(language);
    return () => {
      live = false;
    };
  }, [language]);

  const setLanguage = useCallback((next: string, explicit = false) => {
    if (!byLanguage.has(next)) return;
    if (explicit) {
      setChosenHere(true);
      try {
        localStorage.setItem(DEVICE_KEY, next);
      } catch {
        // Not remembered on this device; the account still keeps it once signed in.
      }
    }
    setLanguageState(next);
  }, []);

  const value = useMemo(
    () =>
      loaded && {
        language: loaded.language,
        translator: createTranslator(loaded.language, loaded.catalog),
        setLanguage,
        chosenHere,
      },
    [loaded, setLanguage, chosenHere],
  );
  // Nothing is drawn until the catalog is here: a screen never flashes in the wrong language.
  if (!value) return null;
  active = value.translator;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useT() outside <I18nProvider>');
  return i18n;
}

/** The language in use and how to change it. */
export function useLanguage() {
  const { language, setLanguage, chosenHere } = useI18n();
  return { language, setLanguage, chosenHere, name: languageName(language) };
}

export type T = (key: MessageKey, values?: MessageValues) => string;

/** `t('auth.signIn.title')`: the message of a key in the reader's language. */
export function useT(): T {
  return useI18n().translator.t as T;
}

/**
 * A message with React elements among its values (`{name}` shown in a `<bdi>`): the parts in
 * order, to render as children.
 */
export function useTParts() {
  const { translator } = useI18n();
  return (key: MessageKey, values: Readonly<Record<string, MessageValue | ReactNode>>): ReactNode =>
    translator
      .parts<ReactNode>(key, values as Record<string, ReactNode>)
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one message never reorder
      .map((part, i) => <Fragment key={i}>{part}</Fragment>);
}

/** Follow the signed-in person's language (their account) once the session says it. */
export function useAccountLanguage(accountLanguage: string | null | undefined) {
  const { language, setLanguage } = useI18n();
  useEffect(() => {
    if (accountLanguage && accountLanguage !== language) setLanguage(accountLanguage);
  }, [accountLanguage, language, setLanguage]);
}
