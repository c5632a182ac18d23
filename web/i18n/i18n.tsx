import { TYPE } from '@formatjs/icu-messageformat-parser';
import {
  createContext,
  Fragment,
  type ReactNode,
  use,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  DEFAULT_LANGUAGE,
  languageName,
  matchLanguage,
  textDirection,
} from '../../src/domain/i18n/languages.ts';
import {
  type Catalog,
  createTranslator,
  type Message,
  type MessageValue,
  type MessageValues,
  type Translator,
} from '../../src/domain/i18n/translate.ts';
import type { MessageKey, Namespace } from './keys.ts';

// The web app's language (issue 17). Only the active language's catalog is loaded, and of it only
// the parts on screen: "app" (the frame, sign-in, menus) before anything is drawn, a page's own part
// with the page (`useT('week')` suspends until it is here). Each part is its own chunk, compiled to
// message trees at build time (web/vite.config.ts). The language is the signed-in person's choice
// (their account); before sign-in, the one chosen on this device, else the browser's first language
// the app has a catalog for.

export type { MessageKey, Namespace };

// The server's own parts are left out: `apierror` and `reader` (the server's refusals, said by the
// server in the reader's language) are never loaded here, so they are neither chunks nor entries of this map.
const loaders = import.meta.glob<Catalog>(
  [
    '../../src/domain/i18n/locales/*/*.json',
    '!../../src/domain/i18n/locales/*/apierror.json',
    '!../../src/domain/i18n/locales/*/reader.json',
  ],
  { import: 'default' },
);
/** language → part → its loader. */
const parts = new Map<string, Map<string, () => Promise<Catalog>>>();
for (const [path, load] of Object.entries(loaders)) {
  const [, language, part] = /([^/]+)\/([^/]+)\.json$/.exec(path)!;
  if (!parts.has(language!)) parts.set(language!, new Map());
  parts.get(language!)!.set(part!, load);
}

/** The languages offered, by code: one per catalog folder. */
export const LANGUAGES: readonly string[] = [...parts.keys()].sort();

/**
 * A pseudo-locale for checking the layout (docs/translating.md): the English messages, each marked
 * ⁅…⁆ so text that bypassed the catalog stands out, laid out right to left. Never offered in the
 * menu; a test (or a developer) sets it on the device: localStorage "as-written.language" = "en-xb".
 */
export const PSEUDO_LOCALE = 'en-xb';
parts.set(
  PSEUDO_LOCALE,
  new Map([...parts.get(DEFAULT_LANGUAGE)!].map(([part, load]) => [part, () => load().then(pseudo)])),
);

function pseudo(catalog: Catalog): Catalog {
  const open = { type: TYPE.literal, value: '⁅' } as const;
  const close = { type: TYPE.literal, value: '⁆' } as const;
  return Object.fromEntries(
    Object.entries(catalog).map(([key, message]) => [
      key,
      typeof message === 'string' ? `⁅${message}⁆` : [open, ...message, close],
    ]),
  );
}

/** Each language's messages loaded so far, one object its translator reads, filled part by part. */
const messages = new Map<string, Record<string, Message>>();
const loading = new Map<string, Promise<void>>();

function loadPart(language: string, part: Namespace): Promise<void> {
  const key = `${language}/${part}`;
  let promise = loading.get(key);
  if (!promise) {
    const load = parts.get(language)?.get(part) ?? parts.get(DEFAULT_LANGUAGE)!.get(part)!;
    promise = load().then((catalog) => {
      if (!messages.has(language)) messages.set(language, {});
      Object.assign(messages.get(language)!, catalog);
      loadedParts.add(key);
    });
    loading.set(key, promise);
  }
  return promise;
}

/** The parts whose messages are in `messages` ("es/app"). */
const loadedParts = new Set<string>();

/** The language chosen on this device before signing in (or the last signed-in person's). */
const DEVICE_KEY = 'as-written.language';

function deviceLanguage(): string {
  try {
    const stored = localStorage.getItem(DEVICE_KEY);
    if (stored && parts.has(stored)) return stored;
  } catch {
    // Storage may be off (private mode): go by the browser.
  }
  return matchLanguage(navigator.languages ?? [navigator.language], [...parts.keys()]);
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

/** The language on screen now (the API client asks the server to word its messages in it). */
export function currentLanguage(): string {
  return active.language;
}

/** `t` for code outside a component (a handler, a helper): the language on screen now. */
export function translateNow(key: MessageKey, values?: MessageValues): string {
  return active.t(key, values);
}

export function I18nProvider({
  children,
  onLanguageChange,
}: {
  children: ReactNode;
  /** Called once the screen shows another language than before (not for the first): the server's words are old. */
  onLanguageChange?: (language: string) => void;
}) {
  const [language, setLanguageState] = useState(deviceLanguage);
  const [chosenHere, setChosenHere] = useState(false);
  const [ready, setReady] = useState<string | null>(null);
  const shown = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    void loadPart(language, 'app').then(() => {
      if (live) setReady(language);
    });
    document.documentElement.lang = language;
    document.documentElement.dir = textDirection(language);
    return () => {
      live = false;
    };
  }, [language]);

  useEffect(() => {
    if (!ready) return;
    if (shown.current && shown.current !== ready) onLanguageChange?.(ready);
    shown.current = ready;
  }, [ready, onLanguageChange]);

  const setLanguage = useCallback((next: string, explicit = false) => {
    if (!parts.has(next)) return;
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
      ready && {
        language: ready,
        translator: createTranslator(ready, messages.get(ready)!),
        setLanguage,
        chosenHere,
      },
    [ready, setLanguage, chosenHere],
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

/**
 * `t('auth.signIn.title')`: the message of a key in the reader's language. A page whose messages are
 * in a part of their own names it (`useT('week')`); the page waits (Suspense) until that part is
 * loaded, once per language.
 */
export function useT(...needs: Namespace[]): T {
  const { language, translator } = useI18n();
  for (const part of needs) {
    if (!loadedParts.has(`${language}/${part}`)) {
      // The same promise each time (kept in `loading`), as `use` needs.
      use(loadPart(language, part));
    }
  }
  return translator.t as T;
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
