import ICAL from 'ical.js';
import type { Creator } from '../../api/members.ts';
import { addDays } from '../../domain/dates.ts';
import { sayWords } from '../../domain/i18n/words.ts';
import { getUser } from '../../store/accounts.repository.ts';
import { listChildren, requireChild } from '../../store/children.repository.ts';
import type { Store } from '../../store/database.ts';
import type { AccessTokenRow } from '../../store/schema.ts';
import {
  FeedScope,
  findTokenByHash,
  findTokenInHousehold,
  insertToken,
  listTokens,
  markTokenUsed,
  revokeToken,
  type TokenPurpose,
  tokenScope,
} from '../../store/tokens.repository.ts';
import { hashToken, looksLikeToken, newToken } from '../auth/tokens.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { translatorFor } from '../i18n.ts';
import { adviceForChild } from './advice.ts';
import { type AuditAction, appendAudit } from './audit.ts';
import { creatorsIn, isMember } from './creators.ts';

// A calendar feed a parent subscribes to from a phone: the reminders (weekly check-in, mid-term
// check-in before a progress report, replies due or overdue, the annual review and re-evaluation
// approaching) and the advisor's deadlines, as all-day events. The URL holds a secret (calendar
// apps cannot sign in), stored only as its hash; revoking it stops the feed at once. A feed belongs to
// the member who made it: it is revoked when they leave the household, and (in case a revocation is
// ever missed) it is refused once its owner is no longer a member.

const FEED_PURPOSE: TokenPurpose = 'calendar_feed';
/** Calendar subscriptions have no natural end; the secret lasts until revoked. */
const NEVER = '9999-12-31T00:00:00.000Z';

const toFeed = (r: AccessTokenRow, creator: (userId: string | null) => Creator) => {
  const createdBy = creator(r.user_id);
  return {
    id: r.id,
    childId: tokenScope(FeedScope, r).childId ?? null,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.used_at,
    // A feed of a former member is refused (calendarFeedIcs), so it is not active even if unrevoked.
    active: !r.revoked_at && !createdBy.formerMember,
    createdBy,
  };
};

export async function createCalendarFeed(
  store: Store,
  ctx: ServiceContext,
  userId: string,
  childId: string | null,
) {
  if (childId) {
    await requireChild(store.db, ctx.householdId, childId, 'childId');
  }
  const token = newToken();
  const at = ctx.clock.now();
  const row: AccessTokenRow = {
    id: ctx.newId(),
    token_hash: hashToken(token),
    purpose: FEED_PURPOSE,
    household_id: ctx.householdId,
    user_id: userId,
    email: null,
    role: null,
    scope: JSON.stringify({ childId }),
    label: null,
    created_by: userId,
    created_at: at,
    expires_at: NEVER,
    used_at: null,
    revoked_at: null,
  };
  await insertToken(store.db, row);
  await appendAudit(store.db, {
    id: ctx.newId(),
    householdId: ctx.householdId,
    actor: `user:${userId}`,
    action: 'calendar_feed_created',
    data: { feedId: row.id, childId },
    at,
  });
  return { feed: toFeed(row, await creatorsIn(store.db, ctx.householdId)), token };
}

export async function listCalendarFeeds(store: Store, householdId: string) {
  const rows = await listTokens(store.db, householdId, FEED_PURPOSE, 'desc');
  const creator = await creatorsIn(store.db, householdId);
  return rows.map((r) => toFeed(r, creator));
}

export async function revokeCalendarFeed(store: Store, ctx: ServiceContext, userId: string, id: string) {
  const row = await findTokenInHousehold(store.db, ctx.householdId, FEED_PURPOSE, id);
  if (!row) throw notFound('Calendar feed', id);
  const at = ctx.clock.now();
  if (!row.revoked_at) {
    await revokeToken(store.db, id, at, {
      id: ctx.newId(),
      householdId: ctx.householdId,
      actor: `user:${userId}`,
      action: 'calendar_feed_revoked' satisfies AuditAction,
      data: { feedId: id },
    });
  }
  return toFeed({ ...row, revoked_at: row.revoked_at ?? at }, await creatorsIn(store.db, ctx.householdId));
}

/**
 * Text as it may enter a feed. ical.js escapes a line feed as `\n` but writes a carriage return as
 * it is, and a calendar app reads a bare CR as the end of a line: a subject holding
 * "\rBEGIN:VALARM" would start a component of its own. So every line break (CRLF, CR, and the
 * Unicode separators some readers honour) becomes one LF, which ical.js escapes, and the other
 * control characters RFC 5545 forbids in text are dropped.
 */
export function feedText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u0085\u2028\u2029]/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

function allDayEvent(
  calendar: ICAL.Component,
  event: { uid: string; date: string; summary: string; description: string },
  stamp: ICAL.Time,
) {
  const vevent = new ICAL.Component('vevent');
  const e = new ICAL.Event(vevent);
  // A UID is one line with no escapes: any break or control character is dropped, not escaped.
  e.uid = feedText(event.uid).replace(/\n/g, '');
  e.summary = feedText(event.summary);
  e.description = feedText(event.description);
  e.startDate = ICAL.Time.fromDateString(event.date);
  e.endDate = ICAL.Time.fromDateString(addDays(event.date, 1));
  vevent.addPropertyWithValue('dtstamp', stamp);
  vevent.addPropertyWithValue('transp', 'TRANSPARENT');
  calendar.addSubcomponent(vevent);
}

/** The feed's calendar on `today`, or null when the secret is unknown or revoked, or its owner has left. */
export async function calendarFeedIcs(
  store: Store,
  token: string,
  now: string,
  today: string,
): Promise<string | null> {
  if (!looksLikeToken(token)) return null;
  const row = await findTokenByHash(store.db, FEED_PURPOSE, hashToken(token));
  if (!row || row.revoked_at || !row.household_id) return null;
  // Removal revokes the feed in the same transaction; this catches a feed made while its owner was
  // being removed (and any row a revocation missed), so a former member never reads the household.
  if (!(await isMember(store.db, row.household_id, row.user_id))) return null;
  const scope = tokenScope(FeedScope, row);
  const children = await listChildren(store.db, row.household_id, scope.childId);
  // The reminders in the language of the person whose address it is (issue 17).
  const translator = translatorFor((await getUser(store.db, row.user_id!)).language);
  const english = translator.language === 'en';

  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', '-//As Written//Reminders//EN');
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue(
    'x-wr-calname',
    english ? 'As Written reminders' : translator.t('feed.name'),
  );
  const stamp = ICAL.Time.fromDateTimeString(now.replace(/\.\d{3}Z$/, 'Z'));
  for (const child of children) {
    let advice: Awaited<ReturnType<typeof adviceForChild>>;
    try {
      advice = await adviceForChild(store, row.household_id, child.id, today, {
        name: 'Parent',
        email: null,
      });
    } catch (error) {
      if (error instanceof AppError) continue;
      throw error;
    }
    for (const r of advice.reminders) {
      allDayEvent(
        calendar,
        {
          uid: `${r.id}-${child.id}@as-written`,
          date: r.date,
          summary: `${child.first_name}: ${english ? r.title : sayWords(r.words.title, translator)}`,
          description: english ? r.detail : sayWords(r.words.detail, translator),
        },
        stamp,
      );
    }
    for (const rec of advice.recommendations) {
      for (const d of rec.deadlines) {
        if (d.date < today) continue;
        allDayEvent(
          calendar,
          {
            uid: `${rec.id}-${d.label.replace(/\W+/g, '-')}-${child.id}@as-written`,
            date: d.date,
            summary: `${child.first_name}: ${d.label}`,
            description: `${rec.title}. ${rec.reason}`,
          },
          stamp,
        );
      }
    }
  }
  await markTokenUsed(store.db, row.id, now);
  return calendar.toString();
}
