import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoHousehold } from '../../src/cli/demo-household.ts';
import { idSource } from '../../src/server/context.ts';
import type { User } from '../../src/server/services/accounts.ts';
import { createCalendarFeed } from '../../src/server/services/calendar-feed.ts';
import { createInvitation } from '../../src/server/services/members.ts';
import { createStaffLink } from '../../src/server/services/staff-links.ts';
import {
  addMember,
  DEMO_PARENT,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  PHONE,
  seedDemoParent,
  startServer,
  type TestServer,
} from './browser.ts';

// The household page on a phone: who made each staff link, removing a co-parent with the choice of
// what happens to their staff links, and a member leaving on their own. And an invitation opened by
// someone signed in with another account.

const PASSWORD = 'a long enough password';

describe('members and what they hold, in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let demo: DemoHousehold;

  const env = () => ({ clock: server.clock, newId: idSource(server.clock) });
  const member = (email: string, displayName: string, role: string): Promise<User> =>
    addMember(server, demo.householdId, { email, displayName, role, password: PASSWORD });

  beforeAll(async () => {
    server = await startServer('2026-11-04T16:00:00.000Z');
    demo = await seedDemoParent(server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(email: string, password: string) {
    const opened = await newPage(browser, server, PHONE);
    await opened.page.goto('/');
    await opened.page.getByLabel('Email').fill(email);
    await opened.page.locator('input[type="password"]').fill(password);
    await opened.page.getByRole('button', { name: 'Sign in' }).click();
    await opened.page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    return opened;
  }

  it('removes a co-parent, handing their staff link to the owner and ending their calendar address', async () => {
    const sam = await member('sam@example.org', 'Sam', 'co_parent');
    await createStaffLink(server.store, env(), demo.householdId, sam, {
      childId: demo.childId,
      label: 'Ms. Lee, OT',
    });
    const feed = await createCalendarFeed(
      server.store,
      { householdId: demo.householdId, actor: { kind: 'user', id: sam.id }, ...env() },
      sam.id,
      null,
    );

    const { page, context } = await signedIn(DEMO_PARENT.email, DEMO_PARENT.password);
    await page.goto('/household');
    await page.getByRole('heading', { name: 'Household' }).first().waitFor();
    const links = page.getByRole('list', { name: 'Staff links in this household' });
    const row = links.getByRole('listitem').filter({ hasText: 'Ms. Lee, OT' });
    await row.getByText(/^Created by Sam \(sam@example\.org\) on /).waitFor();
    await expectNoAxeViolations(page, 'household, with a co-parent’s staff link');

    await page.getByRole('button', { name: 'Remove Sam' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Sam?' });
    await dialog.getByText('their calendar addresses for this household').waitFor();
    await dialog.getByText('invitations they sent that nobody has accepted yet').waitFor();
    await dialog.getByText('Their staff links (1 working link)').waitFor();
    expect(await dialog.getByRole('radio', { name: 'Revoke their staff links' }).isChecked()).toBe(true);
    // The pointer rests where "Remove Sam" was, which can be over the confirm button: move it away
    // and let the button's hover colour fade before checking contrast.
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    await expectNoAxeViolations(page, 'remove a member');
    await dialog.getByRole('radio', { name: 'Hand their staff links to me' }).check();
    await dialog.getByRole('button', { name: 'Remove from the household' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await row.getByText(/^Created by you on /).waitFor();
    await row.getByText('Active').waitFor();
    const stored = await server.store.db
      .selectFrom('access_token')
      .select(['purpose', 'revoked_at', 'created_by'])
      .where('household_id', '=', demo.householdId)
      .where('purpose', 'in', ['staff_link', 'calendar_feed'])
      .execute();
    expect(stored.find((r) => r.purpose === 'calendar_feed')?.revoked_at).toBeTruthy();
    expect(stored.find((r) => r.purpose === 'staff_link')).toMatchObject({ revoked_at: null });
    expect(stored.find((r) => r.purpose === 'staff_link')?.created_by).not.toBe(sam.id);
    expect(
      (await page.request.get(new URL(`/api/calendar/${feed.token}.ics`, server.url).href)).status(),
    ).toBe(404);
    await context.close();
  });

  it('lets a viewer leave the household', async () => {
    await member('vic@example.org', 'Vic', 'viewer');
    const { page, context } = await signedIn('vic@example.org', PASSWORD);
    await page.goto('/household');
    await page.getByRole('heading', { name: 'Household' }).first().waitFor();
    await page.getByRole('button', { name: 'Leave this household' }).click();
    const dialog = page.getByRole('dialog', { name: 'Leave this household?' });
    await dialog.getByText('the staff links you made (the family can make new ones)').waitFor();
    await expectNoAxeViolations(page, 'leave the household');
    await dialog.getByRole('button', { name: 'Leave the household' }).click();
    await expect
      .poll(async () =>
        server.store.db
          .selectFrom('membership')
          .innerJoin('user_account', 'user_account.id', 'membership.user_id')
          .select('membership.id')
          .where('user_account.email', '=', 'vic@example.org')
          .execute(),
      )
      .toEqual([]);
    await context.close();
  });

  it('tells someone signed in with another account who the invitation was sent to', async () => {
    const owner = await server.store.db
      .selectFrom('user_account')
      .select(['id', 'email', 'display_name'])
      .where('email', '=', DEMO_PARENT.email)
      .executeTakeFirstOrThrow();
    const { token } = await createInvitation(
      server.store,
      env(),
      demo.householdId,
      { id: owner.id, email: owner.email, displayName: owner.display_name, language: null },
      { email: 'grandma@example.com', role: 'viewer' },
    );
    const { page, context } = await signedIn(DEMO_PARENT.email, DEMO_PARENT.password);
    await page.goto(`/invite#token=${token}`);
    await page.getByText('This invitation was sent to g***@example.com').waitFor();
    await expectNoAxeViolations(page, 'invitation, wrong account');
    await page.getByRole('button', { name: 'Sign out and use g***@example.com' }).click();
    await page.getByText('Create your account for grandma@example.com.').waitFor();
    await page.getByLabel('Your name').fill('Grandma');
    await page.locator('input[type="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Join the household' }).click();
    await page.getByRole('heading', { name: 'Emma’s week' }).waitFor();
    await context.close();
  });
});
