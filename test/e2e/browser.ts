import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { buildApp } from '../../src/server/app.ts';
import { type Clock, idSource } from '../../src/server/context.ts';
import { createUser, type User } from '../../src/server/services/accounts.ts';
import { openStore, type Store } from '../../src/store/database.ts';

// Browser tests drive Debian's Chromium through playwright-core against the real server (its
// built web app and a fresh SQLite file). Time is set on both sides: the server's clock and the
// page's clock move together, so "today" is the same day for the app and the test.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js');
export const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

export type MovableClock = Clock & { set(instant: string): void };

export function movableClock(start: string): MovableClock {
  let now = Date.parse(start);
  return {
    now: () => new Date(now).toISOString(),
    today: () => new Date(now).toISOString().slice(0, 10),
    set: (instant) => {
      now = Date.parse(instant);
    },
  };
}

export type TestServer = {
  url: string;
  app: FastifyInstance;
  store: Store;
  clock: MovableClock;
  close(): Promise<void>;
};

export async function startServer(
  start: string,
  options: Pick<Parameters<typeof buildApp>[0], 'fetchPolicy'> = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'as-written-e2e-'));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'e2e.db') });
  const clock = movableClock(start);
  const app = await buildApp({ store, clock, logger: false, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    store,
    clock,
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export async function newPage(
  browser: Browser,
  server: TestServer,
  viewport = PHONE,
  options: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  // bypassCSP only lets the test inject axe-core; the app itself runs under its real policy. The
  // browser's language is set (English unless a test asks), so no test depends on the machine's.
  const context = await browser.newContext({
    viewport,
    locale: options.locale ?? 'en-US',
    baseURL: server.url,
    reducedMotion: 'reduce',
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(server.clock.now()));
  // A sheet or dialog that just closed takes its Back step off the history a moment later
  // (web/components/Dialogs.tsx); a test that leaves the page at once waits for that, as a person
  // would, so the two navigations do not cross.
  const settle = () =>
    page
      .evaluate(
        () =>
          new Promise<void>((done) => {
            let ticks = 0;
            const tick = () => {
              const pending = window.history.state?.asWrittenDialog != null;
              const open = document.querySelector('[role="dialog"]') != null;
              if (!pending || open || ++ticks > 100) done();
              else setTimeout(tick, 20);
            };
            tick();
          }),
      )
      .catch(() => undefined);
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    await settle();
    return goto(url, options);
  };
  const reload = page.reload.bind(page);
  page.reload = async (options) => {
    await settle();
    return reload(options);
  };
  return { context, page };
}

/** Move "today" for the server and the page together. */
export async function setToday(server: TestServer, pages: Page[], instant: string) {
  server.clock.set(instant);
  for (const page of pages) await page.clock.setFixedTime(new Date(instant));
}

/** Run axe-core on the page as it is now; every violation fails the test, with its details. */
export async function expectNoAxeViolations(page: Page, where: string) {
  // A dialog still fading in has its colours part-way: axe would measure a contrast no one sees. Wait
  // for the animations that end (a loading spinner turns for ever) until none is left a couple of
  // frames later: a transition may start a frame or two after the element appears (on a busy machine,
  // later still), and then for every open dialog to be drawn whole (opacity 1).
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((done) => requestAnimationFrame(() => done()));
    const ending = () =>
      document
        .getAnimations()
        .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY));
    for (let round = 0; round < 20; round++) {
      await frame();
      await frame();
      const running = ending();
      if (running.length === 0) break;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
    const opaque = (el: Element) => {
      for (let node: Element | null = el; node; node = node.parentElement)
        if (Number(getComputedStyle(node).opacity) < 1) return false;
      return true;
    };
    for (let round = 0; round < 100; round++) {
      const shown = [...document.querySelectorAll('[role="dialog"]')].filter(
        (d) => d.getClientRects().length > 0,
      );
      if (shown.every(opaque)) break;
      await new Promise((done) => setTimeout(done, 20));
    }
  });
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
      }),
    );
  });
  expect(violations, `axe violations on ${where}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The parent who signs in to the demo household in the browser tests. */
export const DEMO_PARENT = { email: 'parent@example.org', password: 'a long enough password' } as const;

/** The parent's account, and the article's demo household owned by it. */
export async function seedDemoParent(server: TestServer) {
  const { user } = await createUser(
    server.store,
    { clock: server.clock, newId: idSource(server.clock) },
    { email: DEMO_PARENT.email, displayName: 'Maria', password: DEMO_PARENT.password, householdName: null },
  );
  return seedDemoHousehold(server.store, server.clock, user.id);
}

/**
 * Sign in on the Spanish sign-in page (issue 17's tests) and wait for the app's menu in the language
 * the account then shows (`menu`: "Abrir el menú" in Spanish, "Open menu" when the account says English).
 */
export async function signInInSpanish(
  page: Page,
  account: { email: string; password: string } = DEMO_PARENT,
  menu: string | null = 'Abrir el menú',
) {
  await page.getByLabel('Correo electrónico').fill(account.email);
  await page.locator('input[type="password"]').fill(account.password);
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  if (menu) await page.getByRole('button', { name: menu }).waitFor();
}

/** Fails naming each of a page's English words still shown in its main content (a translated page). */
export async function expectNoEnglish(page: Page, words: readonly string[], where: string) {
  const text = (await page.locator('main').textContent()) ?? '';
  for (const english of words) expect(text, `"${english}" on ${where}`).not.toContain(english);
}

/** A new account added to a household with a role (members for the household tests). */
export async function addMember(
  server: TestServer,
  householdId: string,
  person: { email: string; displayName: string; role: string; password?: string },
): Promise<User> {
  const env = { clock: server.clock, newId: idSource(server.clock) };
  const { user } = await createUser(server.store, env, {
    email: person.email,
    displayName: person.displayName,
    password: person.password ?? DEMO_PARENT.password,
  });
  const at = server.clock.now();
  await server.store.db
    .insertInto('membership')
    .values({
      id: env.newId(),
      household_id: householdId,
      user_id: user.id,
      role: person.role,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return user;
}
