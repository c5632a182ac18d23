import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_PARENT,
  DESKTOP,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  seedDemoParent,
  setToday,
  signInInSpanish,
  startServer,
  type TestServer,
} from './browser.ts';

// The demo parent on a phone asks As Written to read the district's calendar by its address: the first
// read adds nothing by itself, and the days it found wait on the School calendar page; the parent adds
// one. Then the district announces a snow day for tomorrow: the next read adds it by itself, and the
// home screen says so. A real HTTP server on 127.0.0.1 serves the feed (the app is allowed that
// host:port, as an admin would allow a calendar server of their own). Checked with axe-core.

const THURSDAY = '2026-12-03T16:00:00.000Z';
const CRLF = '\r\n';

function feedOf(events: { uid: string; start: string; end: string; summary: string }[]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Maple//Calendar//EN',
    'X-WR-CALNAME:Maple Unified calendar',
    ...events.flatMap((e) => [
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      'DTSTAMP:20261101T000000Z',
      `DTSTART;VALUE=DATE:${e.start}`,
      `DTEND;VALUE=DATE:${e.end}`,
      `SUMMARY:${e.summary}`,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join(CRLF);
}

const RECESS = {
  uid: 'recess@maple',
  start: '20270215',
  end: '20270220',
  summary: 'February Recess - No School',
};
const SNOW = {
  uid: 'snow-1204@maple',
  start: '20261204',
  end: '20261205',
  summary: 'Snow Day - Schools Closed',
};

describe('reading the district calendar by its address, in the browser', () => {
  let server: TestServer;
  let feedServer: http.Server;
  let feed = feedOf([RECESS]);
  let status = 200;
  let address = '';
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    feedServer = http.createServer((_req, res) =>
      res.writeHead(status, { 'content-type': 'text/calendar' }).end(status === 200 ? feed : 'down'),
    );
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    const port = (feedServer.address() as AddressInfo).port;
    address = `http://127.0.0.1:${port}/maple.ics`;
    server = await startServer(THURSDAY, { fetchPolicy: { allowHosts: [`127.0.0.1:${port}`] } });
    await seedDemoParent(server);
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    feedServer?.closeAllConnections();
    await new Promise((r) => feedServer?.close(r));
  });

  const section = () => page.getByRole('region', { name: 'Read the district calendar every day' });
  const days = () => page.getByRole('region', { name: 'Days off and early dismissals' });

  it('names an address it cannot read at the field, and saves nothing', async () => {
    await page.goto('/');
    await page.getByLabel('Email').fill(DEMO_PARENT.email);
    await page.locator('input[type="password"]').fill(DEMO_PARENT.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await page.goto('/calendar');
    await section().waitFor();
    await section().getByLabel('The calendar’s address').fill('ftp://district.example.org/cal.ics');
    await section().getByRole('button', { name: 'Read it every day' }).click();
    await section()
      .getByText(/The address must be an http, https or webcal address/)
      .waitFor();
    expect(await server.store.db.selectFrom('district_calendar').select('id').execute()).toEqual([]);
  });

  it('reads the address: the day it finds waits, and the parent adds it', async () => {
    await section().getByLabel('The calendar’s address').fill(address);
    await section().getByRole('button', { name: 'Read it every day' }).click();
    await section().getByText('Maple Unified calendar').waitFor();
    await section().getByText('1 change waits for you').waitFor();
    expect(await days().getByText('February Recess - No School').count()).toBe(0);
    await expectNoAxeViolations(page, 'the district calendar subscription (phone)');
    await page.setViewportSize(DESKTOP);
    await expectNoAxeViolations(page, 'the district calendar subscription (computer)');
    await page.setViewportSize(PHONE);
    await section().getByRole('button', { name: 'Add to the calendar: February Recess - No School' }).click();
    await days()
      .getByText(/February Recess - No School/)
      .waitFor();
    await expect.poll(() => section().getByText('1 change waits for you').count()).toBe(0);
  });

  it('adds tomorrow’s snow day by itself on the next read, and the home screen says so', async () => {
    feed = feedOf([RECESS, SNOW]);
    await setToday(server, [page], '2026-12-04T06:30:00.000Z');
    await section().getByRole('button', { name: 'Read it now' }).click();
    await section().getByText('Added by itself').waitFor();
    await days()
      .getByText(/Snow Day - Schools Closed/)
      .waitFor();
    await page.goto('/');
    const news = page.getByRole('region', { name: 'From the district calendar' });
    await news.getByText(/Added by itself: Snow Day - Schools Closed/).waitFor();
    await expectNoAxeViolations(page, 'the home screen with the district calendar’s news');
    const journal = await server.store.db
      .selectFrom('journal')
      .select('actor')
      .where('entity', '=', 'calendar_event')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(journal.actor).toMatch(/^system:district-calendar:/);
  });

  it('says why a read failed in the reader’s language (issue 17)', async () => {
    status = 503;
    await page.goto('/calendar');
    await section().getByRole('button', { name: 'Read it now' }).click();
    await section()
      .getByText(/the address answered 503 instead of the calendar\./)
      .waitFor();
    // The same subscription, read by a parent whose browser reads Spanish (the account has no language).
    await server.store.db.updateTable('user_account').set({ language: null }).execute();
    const { page: spanish, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await spanish.goto('/');
      await signInInSpanish(spanish);
      await spanish.goto('/calendar');
      const feeds = spanish.getByRole('region', { name: 'Leer el calendario del distrito todos los días' });
      await feeds.getByText('La última lectura no funcionó').waitFor();
      await feeds.getByText(/la dirección: respondió 503 en lugar del calendario\./).waitFor();
      expect(await feeds.getByText(/answered 503/).count()).toBe(0);
      await feeds.getByRole('button', { name: 'Leerlo ahora' }).click();
      await feeds.getByText(/la dirección: respondió 503 en lugar del calendario\./).waitFor();
      await expectNoAxeViolations(spanish, 'a failed read in Spanish');
    } finally {
      await context.close();
      status = 200;
    }
  });

  it('says why a change waits in the reader’s language (issue 17)', async () => {
    // The district adds a storm closure that has already passed: it waits for the parent.
    feed = feedOf([
      RECESS,
      SNOW,
      { uid: 'storm-1201@maple', start: '20261201', end: '20261202', summary: 'Schools closed - storm' },
    ]);
    const { page: spanish, context } = await newPage(browser, server, PHONE, { locale: 'es-MX' });
    try {
      await spanish.goto('/');
      await signInInSpanish(spanish);
      await spanish.goto('/calendar');
      const feeds = spanish.getByRole('region', { name: 'Leer el calendario del distrito todos los días' });
      await feeds.getByRole('button', { name: 'Leerlo ahora' }).click();
      await feeds
        .getByText(
          'El distrito agregó un día que ya pasó: una carta enviada desde entonces puede contarlo como día de clases, así que le espera a usted.',
        )
        .waitFor();
      expect(await feeds.getByText(/already passed/).count()).toBe(0);
      await expectNoAxeViolations(spanish, 'a change waiting, in Spanish');
    } finally {
      await context.close();
    }
  });
});
