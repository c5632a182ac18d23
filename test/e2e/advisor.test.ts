import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seedDemoParent,
  setToday,
  startServer,
  type TestServer,
} from './browser.ts';

// The article's playbook in the browser, on a phone, on the demo household: on Wednesday 4 November
// 2026 the parent emails the case manager about the calculator (through the Messages log). The reply
// date (5 school days, skipping Veterans Day) passes with no reply; "What to do next" suggests a
// follow-up, drafts it from the record, the tone check catches an accusing sentence the parent adds and
// offers a gentler one, and the follow-up, marked sent, is in the log with a new reply date. Then a call
// is put in writing, emails are imported, a note is added, and a letter is drafted from the Letters page.

const WEDNESDAY = '2026-11-04T16:00:00.000Z';
const SUBJECT = 'Calculator in math';
const CASE_MANAGER = 'Ms. Alvarez';
const ACCUSING = 'You failed to provide the calculator during the math test.';
const GENTLER =
  'It looks like the calculator was not provided during the math test. Help me understand what happened?';

type Message = {
  id: string;
  kind: string;
  direction: string;
  date: string;
  subject: string | null;
  contactIds: string[];
  replyExpectedBy: string | null;
  inReplyToId: string | null;
  followsUpId: string | null;
};

describe('messages, the advisor and letters, in the browser on a phone', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let demo: DemoHousehold;
  let files: string;
  let firstEmail: Message;

  beforeAll(async () => {
    server = await startServer(WEDNESDAY);
    demo = await seedDemoParent(server);
    files = mkdtempSync(join(tmpdir(), 'as-written-mail-'));
    browser = await launchBrowser();
    ({ page } = await newPage(browser, server, PHONE));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (files) rmSync(files, { recursive: true, force: true });
  });

  /** A GET of the API through the signed-in page. */
  const apiGet = <T>(path: string): Promise<T> =>
    page.evaluate(
      async (u) => (await fetch(u)).json(),
      `/api/households/${demo.householdId}${path}`,
    ) as Promise<T>;
  const messages = () => apiGet<Message[]>(`/communications?childId=${demo.childId}`);

  async function goTo(label: string, heading: string) {
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label }).click();
    await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
  }

  it('signs in; the demo team has a case manager', async () => {
    const team = await server.store.db
      .selectFrom('team_contact')
      .select(['name', 'role'])
      .where('child_id', '=', demo.childId)
      .execute();
    expect(team).toContainEqual({ name: CASE_MANAGER, role: 'Case manager' });
    await page.goto('/');
    await page.getByLabel('Email').fill('parent@example.org');
    await page.locator('input[type="password"]').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
  });

  it('logs an email to the case manager; it waits for a reply for 5 school days', async () => {
    await goTo('Messages', 'Messages');
    // The demo's own messages: an answered email, a call, and a request for make-ups past its reply date.
    await page.getByRole('article', { name: 'Headphones' }).getByText('Answered').waitFor();
    await page.getByText('1 message is past its reply date.').waitFor();
    const before = (await messages()).length;
    await expectNoAxeViolations(page, 'messages');

    await page.getByRole('button', { name: 'Log a message' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a message' });
    await dialog.getByLabel('What kind?').waitFor();
    expect(await dialog.getByLabel('What kind?').inputValue()).toBe('email');
    expect(await dialog.getByRole('radio', { name: 'I sent it' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel(/^Date/).inputValue()).toBe('2026-11-04');
    await dialog.getByRole('checkbox', { name: `${CASE_MANAGER} (Case manager)` }).check();
    await dialog.getByLabel('Subject (optional)').fill(SUBJECT);
    await dialog
      .getByLabel('What it says')
      .fill(
        'Hello Ms. Alvarez, Emma told me she did not have her calculator for the math quiz on Tuesday. ' +
          'Could we check that her teachers know about it? Thank you.',
      );
    // The reply date is left empty: the server counts the household's 5 school days.
    const replyDate = dialog.getByLabel('Reply expected by (optional)');
    expect(await replyDate.inputValue()).toBe('');
    await dialog.getByText(/Leave it empty: As Written expects a reply within 5 school days/).waitFor();
    await expectNoAxeViolations(page, 'messages: log a message');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const logged = await messages();
    expect(logged).toHaveLength(before + 1);
    firstEmail = logged.find((m) => m.subject === SUBJECT) as Message;
    // Thursday 5, Friday 6, Monday 9, Tuesday 10, then Veterans Day (no school), Thursday 12.
    expect(firstEmail).toMatchObject({
      kind: 'email',
      direction: 'sent',
      date: '2026-11-04',
      subject: SUBJECT,
      replyExpectedBy: '2026-11-12',
    });
    const item = page.getByRole('article', { name: SUBJECT });
    await item.getByText('Email you sent · Wednesday, November 4').waitFor();
    await item.getByText(`To ${CASE_MANAGER}`).waitFor();
    await item.getByText(/^Waiting for a reply until Thu, Nov 12$/).waitFor();
    await page.getByText('1 message is waiting for a reply.').waitFor();
    await expectNoAxeViolations(page, 'messages, one email waiting');
  });

  it('after the reply date, the log says the reply is late and the advisor suggests a follow-up', async () => {
    await setToday(server, [page], '2026-11-16T16:00:00.000Z');
    await page.reload();
    const item = page.getByRole('article', { name: SUBJECT });
    await item.getByText('No reply — 4 days late').waitFor();
    await item.getByRole('button', { name: `Log their reply to ${SUBJECT}, Wed, Nov 4` }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'communications-360');

    // The home screen points there too (the demo's request for make-ups is also late).
    await page.getByRole('link', { name: 'As Written, this week' }).click();
    await page.getByRole('heading', { name: 'Emma’s week', level: 2 }).waitFor();
    const overdue = page.getByRole('link', { name: '2 replies overdue → What to do next' });
    await overdue.waitFor();
    await expectNoAxeViolations(page, 'this week, with replies overdue');
    await overdue.click();
    await page.getByRole('heading', { name: 'What to do next', level: 2 }).waitFor();
    // The most urgent suggestions come first; the rest are behind "Show N more".
    const more = page.getByRole('button', { name: /^Show \d+ more suggestions?$/u });
    // The suggestions arrive after the heading: wait for the first before asking whether more are hidden.
    await page.getByRole('article').first().waitFor();
    if (await more.count()) await more.click();
    const card = page.getByRole('article', { name: `Follow up on “${SUBJECT}”` });
    await card.waitFor();
    await card
      .getByText(`You wrote to ${CASE_MANAGER} on Wed, Nov 4 and expected a reply by Thu, Nov 12.`, {
        exact: false,
      })
      .waitFor();
    await card.getByText('A choice As Written makes — you can change it in the settings below.').waitFor();
    await card.getByRole('link', { name: '1 message' }).waitFor();
    await card.getByText(/Next step:/).waitFor();
    await expectNoAxeViolations(page, 'what to do next');
    await card.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -64);
    });
    await screenshot(page, 'advisor-360');

    // The settings behind it, each a product choice with its default.
    await page.getByRole('button', { name: 'Show the settings' }).click();
    const replyDays = page.getByLabel('Days to wait for a reply (school days)');
    expect(await replyDays.inputValue()).toBe('5');
    await page
      .getByText('School days you give the school to reply to a message you send.', { exact: false })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'what to do next: settings');
    await page.getByRole('button', { name: 'Hide the settings' }).click();
  });

  it('drafts the follow-up from the record, softens an accusing sentence, and marks it sent', async () => {
    const card = page.getByRole('article', { name: `Follow up on “${SUBJECT}”` });
    await card.getByRole('button', { name: `Draft the letter: Follow up on “${SUBJECT}”` }).click();
    await page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
    expect(page.url()).toMatch(/\/letters\/[0-9a-f-]{36}$/);
    const letterId = page.url().split('/').pop() as string;

    expect(await page.getByLabel('Subject').inputValue()).toBe(`Following up: ${SUBJECT}`);
    const body = page.getByRole('textbox', { name: 'Letter' });
    const drafted = await body.inputValue();
    // It names the earlier email: its date and its subject, and quotes it.
    expect(drafted).toContain(`my email of Wednesday, November 4 about "${SUBJECT}"`);
    expect(drafted).toContain('Emma told me she did not have her calculator');
    const to = page.getByRole('group', { name: 'To' });
    expect(await to.getByLabel('Name').inputValue()).toBe(CASE_MANAGER);
    expect(await to.getByLabel('Email (optional)').inputValue()).toBe('alvarez@maple.example.org');
    await page.getByText('Nothing to soften: the letter reads as friendly and specific.').waitFor();
    await expectNoAxeViolations(page, 'letter editor');

    // An accusing sentence typed in is flagged a moment later, with a gentler way to say it.
    await body.fill(drafted.replace('\n\nTo recap', `\n\n${ACCUSING}\n\nTo recap`));
    const flags = page.getByRole('list', { name: 'Phrases to look at' });
    const flag = flags.getByRole('listitem').filter({ hasText: 'You failed to provide' });
    await flag.waitFor();
    await flag.getByText('"You failed" blames a person', { exact: false }).waitFor();
    await flag.getByText(GENTLER, { exact: false }).waitFor();
    expect(await flag.locator('mark').textContent()).toBe('You failed to provide');
    await expectNoAxeViolations(page, 'letter editor: a tone flag');
    await flag.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'letter-editor-360');

    await flag.getByRole('button', { name: 'Use this wording instead of “You failed to provide”' }).click();
    await page.getByText('Nothing to soften: the letter reads as friendly and specific.').waitFor();
    const softened = await body.inputValue();
    expect(softened).toContain(`\n\n${GENTLER}\n\nTo recap`);
    expect(softened).not.toContain('You failed');
    // Saved on the server (which trims the ends), and checked again there; nothing is left unsaved.
    await expect
      .poll(async () => (await apiGet<{ body: string; toneFlags: unknown[] }>(`/letters/${letterId}`)).body)
      .toBe(softened.trim());
    await page.getByRole('button', { name: 'Saved' }).waitFor();
    expect((await apiGet<{ toneFlags: unknown[] }>(`/letters/${letterId}`)).toneFlags).toEqual([]);

    await page.getByRole('link', { name: 'Download .eml' }).waitFor();
    await page.getByRole('link', { name: 'Open in mail app' }).waitFor();
    const mailto = await page.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
    expect(mailto).toMatch(
      /^mailto:alvarez@maple\.example\.org\?subject=Following%20up%3A%20Calculator%20in%20math&body=/,
    );

    await page.getByRole('button', { name: 'Mark as sent' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as sent' });
    expect(await dialog.getByRole('radio', { name: 'By email' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('When').inputValue()).toBe('2026-11-16');
    await expectNoAxeViolations(page, 'letter editor: mark as sent');
    await dialog.getByRole('button', { name: 'Mark as sent' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Marked as sent' });
    await done.waitFor();
    // Monday 16 plus 5 school days: Tuesday 17 ... Monday 23.
    await done.getByText('As Written expects a reply by Mon, Nov 23', { exact: false }).waitFor();
    // A sent letter is read-only.
    await page.getByRole('heading', { name: `Following up: ${SUBJECT}`, level: 2 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Letter' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Mark as sent' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'letter editor: sent');

    // In the log: sent by email today, a new reply date, in the same conversation as the first email.
    await done.getByRole('link', { name: 'Open Messages' }).click();
    await page.getByRole('heading', { name: 'Messages', level: 2 }).waitFor();
    const followUp = page.getByRole('article', { name: `Following up: ${SUBJECT}` });
    await followUp.getByText('Email you sent · Monday, November 16').waitFor();
    await followUp.getByText(/^Waiting for a reply until Mon, Nov 23$/).waitFor();
    await page
      .getByRole('list', { name: 'A conversation of 2 messages' })
      .filter({ has: followUp })
      .waitFor();
    const all = await messages();
    const logged = all.find((m) => m.subject === `Following up: ${SUBJECT}`);
    expect(logged).toMatchObject({
      kind: 'email',
      direction: 'sent',
      date: '2026-11-16',
      replyExpectedBy: '2026-11-23',
      inReplyToId: firstEmail.id,
      contactIds: firstEmail.contactIds,
    });
    await expectNoAxeViolations(page, 'messages, after the follow-up');

    // The follow-up is waiting inside its own reply window, so the advisor no longer asks for one.
    await goTo('What to do next', 'What to do next');
    await page.getByRole('heading', { name: 'Coming up', level: 3 }).waitFor();
    expect(await page.getByRole('article', { name: `Follow up on “${SUBJECT}”` }).count()).toBe(0);
  });

  it('logs a call and drafts its written summary from the decisions and next steps', async () => {
    await goTo('Messages', 'Messages');
    await page.getByRole('button', { name: 'Log a message' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a message' });
    await dialog.getByLabel('What kind?').selectOption('phone');
    await dialog.getByRole('radio', { name: 'They called me' }).check();
    await dialog.getByRole('checkbox', { name: 'Mr. Chen (Speech-language pathologist)' }).check();
    await dialog.getByLabel('Subject (optional)').fill('Speech make-up sessions');
    await dialog.getByLabel('What was said').fill('Mr. Chen called about the missed speech sessions.');
    await dialog.getByLabel('What was decided (optional)').fill('Two make-up sessions in November');
    await dialog.getByLabel('Next steps (optional)').fill('Mr. Chen sends the dates by Friday');
    expect(await dialog.getByLabel('Reply expected by (optional)').count()).toBe(0);
    await expectNoAxeViolations(page, 'messages: log a call');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    const offer = page.getByRole('status').filter({ hasText: 'Put the call in writing?' });
    await offer.waitFor();
    const call = page.getByRole('article', { name: 'Speech make-up sessions' });
    await call.getByText('Call not yet followed up in writing').waitFor();
    await expectNoAxeViolations(page, 'messages: a call to follow up');
    await offer.getByRole('button', { name: 'Write the follow-up email' }).click();
    await page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
    expect(await page.getByLabel('Subject').inputValue()).toBe('Summary of our call on Monday, November 16');
    const body = await page.getByRole('textbox', { name: 'Letter' }).inputValue();
    expect(body).toContain('Thank you for talking with me today.');
    expect(body).toContain('To make sure I understood:\n- Two make-up sessions in November');
    expect(body).toContain('Next steps:\n- Mr. Chen sends the dates by Friday');

    // Not sent this time: the draft is deleted, and the call still waits for its summary.
    await page.getByRole('button', { name: 'Delete this draft' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this draft?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('heading', { name: 'Letters', level: 2 }).waitFor();
  });

  it('imports emails: a reply from the case manager, the same one again, and a broken file', async () => {
    const eml = join(files, 'reply.eml');
    writeFileSync(
      eml,
      [
        'From: Ms. Alvarez <alvarez@maple.example.org>',
        'To: Maria <parent@example.org>',
        `Subject: Re: Following up: ${SUBJECT}`,
        'Date: Mon, 16 Nov 2026 09:30:00 -0500',
        'Message-ID: <reply-1@maple.example.org>',
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Thank you for checking in. I will remind the math teacher today.',
        '',
      ].join('\r\n'),
    );
    await goTo('Messages', 'Messages');
    const importOnce = async (file: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import emails' }).click();
      await (await chooser).setFiles(file);
    };
    await importOnce(eml);
    const summary = page.getByRole('status').filter({ hasText: 'Imported 1 message from “reply.eml”' });
    await summary.waitFor();
    const reply = page.getByRole('article', { name: `Re: Following up: ${SUBJECT}` });
    await reply.getByText('Email you received · Monday, November 16', { exact: false }).waitFor();
    await reply.getByText(`From ${CASE_MANAGER}`).waitFor();
    await expectNoAxeViolations(page, 'messages: emails imported');

    await importOnce(eml);
    await page
      .getByRole('status')
      .filter({ hasText: 'Nothing new in “reply.eml”' })
      .getByText('1 message was already in the log', { exact: false })
      .waitFor();

    const broken = join(files, 'broken.eml');
    writeFileSync(broken, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]));
    await importOnce(broken);
    const refusal = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
    await refusal.getByText('broken.eml', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'messages: a broken file');
    expect((await messages()).filter((m) => m.subject === `Re: Following up: ${SUBJECT}`)).toHaveLength(1);
  });

  it('notes a win, then drafts a thank-you from the Letters page', async () => {
    await page.getByRole('button', { name: 'Add something I noticed' }).click();
    const dialog = page.getByRole('dialog', { name: 'Something I noticed' });
    await dialog.getByRole('radio', { name: /^A win/ }).check();
    await dialog.getByLabel('What did you notice?').fill('Emma read a whole chapter aloud at home.');
    await expectNoAxeViolations(page, 'messages: something I noticed');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const noticed = page.getByRole('region', { name: 'Things I noticed' });
    await noticed.getByText('Emma read a whole chapter aloud at home.').waitFor();

    await goTo('Letters', 'Letters');
    const sent = page.getByRole('region', { name: 'Sent' });
    await sent.getByRole('link', { name: `Following up: ${SUBJECT}` }).waitFor();
    await expectNoAxeViolations(page, 'letters');
    await page.getByRole('button', { name: 'Draft a letter' }).click();
    const picker = page.getByRole('dialog', { name: 'Draft a letter' });
    await picker.getByRole('radio', { name: 'A thank-you, or a shared win' }).check();
    await picker.getByLabel('The win to share (optional)').waitFor();
    await expectNoAxeViolations(page, 'letters: draft a letter');
    await picker.getByRole('button', { name: 'Write the draft' }).click();
    await page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Letter' }).inputValue()).toContain(
      'Emma read a whole chapter aloud at home',
    );
  });

  it('a gap left in brackets blocks "Mark as sent" and the .eml, with the message at the gap, until it is filled in', async () => {
    await goTo('Letters', 'Letters');
    await page.getByRole('button', { name: 'Draft a letter' }).click();
    const picker = page.getByRole('dialog', { name: 'Draft a letter' });
    await picker.getByRole('radio', { name: 'A request for a meeting of the team' }).check();
    await picker.getByRole('button', { name: 'Write the draft' }).click();
    await page.getByRole('heading', { name: 'Your letter', level: 2 }).waitFor();
    const gap = '[days and times that work for you]';
    const body = page.getByRole('textbox', { name: 'Letter' });
    expect(await body.inputValue()).toContain(gap);
    // Monday, November 16 plus 5 school days: the date the letter asks a reply by, which can change.
    expect(await body.inputValue()).toContain('Could you reply by Monday, November 23?');
    expect(await page.getByLabel('Reply asked by').inputValue()).toBe('2026-11-23');

    // The message is at the gap (the letter's field), and sending waits for it.
    await page.getByText(`“${gap}” is still here: fill it in or remove it before sending.`).waitFor();
    const markSent = page.getByRole('button', { name: 'Mark as sent' });
    expect(await markSent.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Download .eml' }).isDisabled()).toBe(true);
    expect(await page.getByRole('link', { name: 'Download .eml' }).count()).toBe(0);
    await page.getByText(`Fill in or remove the gap in brackets first (${gap}).`).waitFor();
    await expectNoAxeViolations(page, 'letter editor: a gap to fill in');
    await page.getByRole('button', { name: `Show in the letter: ${gap}` }).click();
    expect(
      await body.evaluate((el) => {
        const area = el as HTMLTextAreaElement;
        return area.value.slice(area.selectionStart, area.selectionEnd);
      }),
    ).toBe(gap);

    // A later reply date changes the sentence in the letter.
    await page.getByLabel('Reply asked by').fill('2026-11-30');
    expect(await body.inputValue()).toContain('Could you reply by Monday, November 30?');

    await body.fill((await body.inputValue()).replace(gap, 'Tuesday or Thursday mornings'));
    await expect.poll(() => markSent.isDisabled()).toBe(false);
    await page.getByRole('link', { name: 'Download .eml' }).waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Saved' }).waitFor();
    const id = page.url().split('/').pop() as string;
    const saved = await apiGet<{ respondBy: string; unfilled: unknown[] }>(`/letters/${id}`);
    expect(saved).toMatchObject({ respondBy: '2026-11-30', unfilled: [] });
  });

  it('imports a large mailbox in the background, showing its progress and then what it did', async () => {
    // More messages than one batch (200): the server answers with a job, and the page follows it.
    const mbox = join(files, 'term.mbox');
    const messagesInFile = Array.from({ length: 450 }, (_, i) =>
      [
        'From alvarez@maple.example.org Mon Oct 05 09:30:00 2026',
        'From: Ms. Alvarez <alvarez@maple.example.org>',
        'To: Maria <parent@example.org>',
        `Subject: Daily note ${i + 1}`,
        `Date: Mon, 5 Oct 2026 09:${String(i % 60).padStart(2, '0')}:00 -0400`,
        `Message-ID: <daily-${i + 1}@maple.example.org>`,
        '',
        `Today went fine (${i + 1}).`,
        '',
      ].join('\n'),
    );
    writeFileSync(mbox, messagesInFile.join('\n'));
    await goTo('Messages', 'Messages');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import emails' }).click();
    await (await chooser).setFiles(mbox);
    await page.getByRole('status').filter({ hasText: 'Importing “term.mbox”' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: 'Imported 450 messages from “term.mbox”' })
      .waitFor({ timeout: 60_000 });
    await expectNoAxeViolations(page, 'messages: a large mailbox imported');
    expect((await messages()).filter((m) => m.subject?.startsWith('Daily note '))).toHaveLength(450);
    // The log shows the newest 100 messages, and the older ones a page at a time.
    await page.getByText(/^Showing the 100 most recent messages/).waitFor();
    await page.getByRole('button', { name: 'Show more messages' }).click();
    await page.getByText(/^Showing the 200 most recent messages/).waitFor();
    await expectNoAxeViolations(page, 'messages: more shown');
  });
});
