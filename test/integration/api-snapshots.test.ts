import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { buildApp } from '../../src/server/app.ts';
import { captureMailer } from '../../src/server/auth/mailer.ts';
import { fixedClock, idSource } from '../../src/server/context.ts';
import { createResetToken } from '../../src/server/services/accounts.ts';
import {
  BACKENDS,
  call,
  createAccount,
  openTestStore,
  type Principal,
  signIn,
  TEST_NOW,
  TEST_PASSWORD,
  type TestEnv,
} from './harness.ts';

// The response of every route the server registers, for the demo household under the frozen clock
// (TEST_NOW), compared with a stored snapshot: one JSON file per route in
// __snapshots__/api/. It pins today's behaviour so that a refactor (the API contract in src/api,
// repositories, pure reports: issue 14) is checked against it: every response must stay as it is.
//
// Reads (GET) answer for the demo household (seedDemoHousehold) with a few records the demo lacks
// added through the API: a co-parent, an invitation, a staff link and the session it confirmed, a
// calendar feed, a check-in, a school absence, a letter drafted and one marked sent, the living IEP's
// notes. Writes answer one representative valid call each, made in order on a second, fresh demo
// household, so the reads never see them.
//
// Deterministic by construction: the clock is fixed, and what is random is replaced by placeholders
// numbered by order of first appearance within each route's snapshot (request and response together,
// so an id in the URL and the same id in the body share a placeholder): ids (UUIDv7 carries 62
// random bits, src/store/ids.ts) become <id-N>; SHA-256 hex (the journal's hash chain covers those
// ids) <sha256-N>; tokens (32 random bytes, base64url: links, CSRF, the calendar address) <token-N>;
// and the random MIME boundary an .eml with an attachment would carry (an .eml's Message-ID is an id). A PDF is kept as its text
// (pdftotext), an image as its size and SHA-256, other text as text. Object keys are sorted first
// (JSON gives their order no meaning; a schema's serialiser writes them in its own order).
//
// Both databases must give the same responses: they share one snapshot.
//
// Updating a snapshot deliberately: a change to a response is a behaviour change, so it must be a
// named fix (say which, and why, in the commit). Run
//   npx vitest run --project integration test/integration/api-snapshots.test.ts -u
// review the diff of __snapshots__/api/ line by line, and commit it with the change. A new route
// fails "has a snapshot call for every route" until it gets a row below.

const SNAPSHOT_DIR = join(import.meta.dirname, '__snapshots__', 'api');

type Fixture = {
  env: TestEnv;
  /** The household the reads answer for. */
  demo: DemoHousehold;
  /** A fresh demo household the writes are made in. */
  fresh: DemoHousehold;
  ids: Record<string, string>;
  staffToken: string;
  freshStaffToken: string;
  feedPath: string;
  setupResponse: RawResponse;
};

type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  payload: string;
  raw: Buffer;
};
type Call = {
  url: string;
  body?: unknown;
  /** A principal other than the owner, null for anonymous; or a staff link's bearer token. */
  as?: Principal | null;
  bearer?: string;
  /** Made before the test's calls (the first-run setup), so only its response is kept. */
  made?: RawResponse;
};
type Row = (f: Fixture) => Promise<Call>;

const hA = (f: Fixture, path: string) => `/api/households/${f.demo.householdId}${path}`;

/** The fictional New York IEP the IEP reader's tests use. */
const IEP_PDF = readFileSync(join(import.meta.dirname, '../fixtures/iep/nyc-like.pdf'));

/** An IEP document brought in and read (the reader runs in its child process, as in the app). */
async function iepDocumentIn(f: Fixture, householdId: string, childId: string): Promise<string> {
  const made = await f.env.app.inject({
    method: 'POST',
    url: `/api/households/${householdId}/children/${childId}/iep-documents?filename=iep.pdf`,
    headers: {
      cookie: f.env.owner.cookie,
      'x-csrf-token': f.env.owner.csrfToken,
      'content-type': 'application/octet-stream',
    },
    payload: IEP_PDF,
  });
  if (made.statusCode !== 202) throw new Error(`iep document: ${made.statusCode} ${made.body}`);
  await f.env.app.deps.jobs.idle();
  return JSON.parse(made.body).id as string;
}

/** A school service log as a district's system exports it (issue 19). */
const SERVICE_LOG_CSV = Buffer.from(
  'Date,Service,Provider,Minutes,Status\n11/17/2026,SLP,Ms. Rivera,30,Delivered\n11/19/2026,SLP,Ms. Rivera,0,Provider Absent\n11/20/2026,SLP,Ms. Rivera,30,Make-up\n',
);

/**
 * A child of the fresh household of its own, with a speech service, for the service-log rows: what they
 * accept into the record (a make-up) must not change the figures the other write rows answer with.
 */
async function serviceLogChild(f: Fixture): Promise<{ childId: string; serviceId: string }> {
  if (f.ids.serviceLogChild && f.ids.serviceLogService)
    return { childId: f.ids.serviceLogChild, serviceId: f.ids.serviceLogService };
  const child = await ok(f, 'POST', hB(f, '/children'), { firstName: 'Noor', lastName: 'Haddad' });
  const plan = await ok(f, 'POST', hB(f, '/plans'), {
    childId: child.id,
    kind: 'iep',
    jurisdiction: { country: 'US', region: 'IL' },
    effectiveFrom: '2026-09-08',
    effectiveTo: '2027-06-11',
  });
  const service = await ok(f, 'POST', hB(f, '/services'), {
    planId: plan.id,
    name: 'Speech-language therapy',
    area: 'speech',
    setting: 'pull_out',
    startDate: '2026-09-08',
    endDate: '2027-06-11',
    segments: [
      {
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        period: { unit: 'week' },
      },
    ],
  });
  f.ids.serviceLogChild = child.id as string;
  f.ids.serviceLogService = service.id as string;
  return { childId: child.id as string, serviceId: service.id as string };
}

/** The service-log routes' URL for that child and service. */
async function serviceLogUrl(f: Fixture, suffix = ''): Promise<string> {
  const { childId, serviceId } = await serviceLogChild(f);
  return hB(f, `/children/${childId}/service-logs${suffix}?filename=log.csv&serviceId=${serviceId}`);
}

/** A service log brought in for that child (each row that acts on one gets its own). */
async function freshServiceLog(f: Fixture): Promise<string> {
  const made = await ok(f, 'POST', await serviceLogUrl(f), SERVICE_LOG_CSV);
  return made.import.id as string;
}

/** A new district calendar subscription in the fresh household (each write row acts on its own). */
async function freshDistrictCalendar(f: Fixture): Promise<string> {
  const made = await ok(f, 'POST', hB(f, `/children/${f.fresh.childId}/district-calendars`), {
    address: feedAddress(),
  });
  return made.id as string;
}
const hB = (f: Fixture, path: string) => `/api/households/${f.fresh.householdId}${path}`;

async function ok(f: Fixture, method: string, url: string, body?: unknown, as?: Principal | null) {
  const res = await call(f.env, method, url, body, as);
  if (res.status >= 300)
    throw new Error(`fixture ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function firstId(f: Fixture, url: string): Promise<string> {
  const list = (await ok(f, 'GET', url)) as { id: string }[];
  if (!list[0]) throw new Error(`the fixture has no record at ${url}`);
  return list[0].id;
}

// The writes' bodies, against the fresh household (its ids are filled in beforeAll).
const RESOURCE_BODIES: Record<string, (f: Fixture) => Record<string, unknown>> = {
  children: () => ({ firstName: 'Alex' }),
  plans: (f) => ({
    childId: f.fresh.childId,
    kind: '504',
    jurisdiction: { country: 'US', region: 'CA' },
    effectiveFrom: '2027-09-01',
    effectiveTo: '2028-08-31',
  }),
  services: (f) => ({
    planId: f.fresh.planId,
    name: 'PT',
    area: 'pt',
    setting: 'push_in',
    startDate: '2026-09-08',
    endDate: '2027-06-11',
    segments: [
      {
        startDate: '2026-09-08',
        endDate: '2027-06-11',
        minutesPerSession: 30,
        sessionsPerPeriod: 2,
        period: { unit: 'week' },
      },
    ],
  }),
  accommodations: (f) => ({ planId: f.fresh.planId, text: 'Preferential seating' }),
  goals: (f) => ({ planId: f.fresh.planId, area: 'Math', text: 'Add within 20' }),
  'behavior-steps': (f) => ({ planId: f.fresh.planId, kind: 'reward', text: 'Token chart' }),
  'key-dates': (f) => ({ planId: f.fresh.planId, kind: 'annual_review', date: '2027-09-01' }),
  'team-contacts': (f) => ({ childId: f.fresh.childId, name: 'Ms. Alvarez', role: 'Case manager' }),
  calendars: (f) => ({
    childId: f.fresh.childId,
    name: 'Next year',
    firstDay: '2027-09-07',
    lastDay: '2028-06-09',
  }),
  'calendar-events': (f) => ({
    calendarId: f.fresh.calendarId,
    kind: 'closure',
    startDate: '2026-12-09',
    label: 'Snow day',
  }),
  'accommodation-observations': (f) => ({
    accommodationId: f.ids.freshAccommodation,
    date: '2026-11-17',
    outcome: 'not_provided',
    teacherKind: 'substitute',
    source: 'child_report',
  }),
  'behavior-incidents': (f) => ({
    planId: f.fresh.planId,
    date: '2026-11-17',
    summary: 'Meltdown at the assembly',
    source: 'teacher',
  }),
  'class-periods': (f) => ({
    childId: f.fresh.childId,
    weekday: 5,
    startTime: '13:00',
    endTime: '13:45',
    className: 'Art',
  }),
  'goal-progress': (f) => ({
    goalId: f.ids.freshGoal,
    date: '2026-11-13',
    value: '68 wcpm',
    numericValue: 68,
    source: 'progress_report',
  }),
  'work-samples': (f) => ({
    childId: f.fresh.childId,
    date: '2026-11-16',
    title: 'Spelling test',
    className: 'English',
    setting: 'test',
    attachmentIds: [f.ids.freshAttachment],
    accommodationChecks: [{ accommodationId: f.ids.freshAccommodation, outcome: 'provided' }],
    goalIds: [f.ids.freshGoal],
  }),
  communications: (f) => ({
    childId: f.fresh.childId,
    kind: 'email',
    direction: 'sent',
    date: '2026-11-16',
    subject: 'Extended time on the spelling test',
    summary: 'Could you help me understand what happened with extended time on Friday?',
  }),
  'parent-notes': (f) => ({
    childId: f.fresh.childId,
    date: '2026-11-16',
    kind: 'new_challenge',
    text: 'Comes home exhausted after PE',
  }),
  'school-absences': (f) => ({ childId: f.fresh.childId, date: '2026-11-18', note: 'Home sick' }),
};
const RESOURCE_PATCHES: Record<string, Record<string, unknown>> = {
  children: { grade: '4' },
  plans: { title: 'Amended title' },
  services: { name: 'Physical therapy' },
  accommodations: { text: 'Preferential seating near the board' },
  goals: { target: '90%' },
  'behavior-steps': { position: 3 },
  'key-dates': { label: 'Annual review' },
  'team-contacts': { phone: '555-0100' },
  calendars: { name: 'Next school year' },
  'calendar-events': { label: 'Snow day (storm)' },
  'accommodation-observations': { outcome: 'partly' },
  'behavior-incidents': { rewardUsed: false },
  'class-periods': { teacher: 'Mr. Okoye' },
  'goal-progress': { note: 'From the November report' },
  'work-samples': { title: 'Spelling test (retake)' },
  communications: { closedWithoutReply: true },
  'parent-notes': { kind: 'concern' },
  'school-absences': { note: 'Dentist in the morning' },
};
const VOIDABLE = ['accommodation-observations', 'behavior-incidents', 'work-samples', 'communications'];
const UNDELETABLE = ['children', 'plans', 'calendars'];

/**
 * The generic record routes. For each type: the list and the first record of the demo household;
 * then, on the fresh household, a record created, changed, voided (where it can be) and deleted (where
 * it can be), in that order.
 */
function resourceRows(): Record<string, Row> {
  const rows: Record<string, Row> = {};
  const created: Record<string, string> = {};
  for (const [path, body] of Object.entries(RESOURCE_BODIES)) {
    const base = `/api/households/:householdId/${path}`;
    rows[`GET ${base}`] = async (f) => ({ url: hA(f, `/${path}`) });
    rows[`GET ${base}/:id`] = async (f) => {
      const list = (await ok(f, 'GET', hA(f, `/${path}`))) as { id: string }[];
      // Every type the demo lacks gets a record in beforeAll; calendar days: the first of the list.
      if (!list[0]) throw new Error(`the demo household has no ${path}`);
      return { url: hA(f, `/${path}/${list[0].id}`) };
    };
    rows[`POST ${base}`] = async (f) => ({ url: hB(f, `/${path}`), body: body(f) });
    rows[`PATCH ${base}/:id`] = async (f) => {
      // The record the POST above made: the newest of its type (UUIDv7 ids grow in creation order).
      const list = (await ok(f, 'GET', hB(f, `/${path}`))) as { id: string }[];
      created[path] = list
        .map((r) => r.id)
        .sort()
        .at(-1)!;
      return { url: hB(f, `/${path}/${created[path]}`), body: RESOURCE_PATCHES[path] };
    };
    if (VOIDABLE.includes(path)) {
      rows[`POST ${base}/:id/void`] = async (f) => ({
        url: hB(f, `/${path}/${created[path]}/void`),
        body: { note: 'Logged by mistake' },
      });
    }
    if (!UNDELETABLE.includes(path)) {
      rows[`DELETE ${base}/:id`] = async (f) => ({ url: hB(f, `/${path}/${created[path]}`) });
    }
  }
  return rows;
}

const checkInBody = (childId: string, accommodationId: string) => ({
  childId,
  date: '2026-11-19',
  answers: [
    {
      kind: 'accommodation',
      questionKey: `accommodation:${accommodationId}`,
      ask: 'Did you have a test or a quiz this week? Did you get extra time to finish it?',
      accommodationId,
      outcome: 'not_provided',
      setting: 'test',
      childWords: 'We had a sub and everyone had to stop at the bell',
    },
  ],
});

const emlOf = (messageId: string) =>
  Buffer.from(
    `From: Ms. Alvarez <alvarez@school.example.org>\r\nTo: owner@example.org\r\nSubject: Re: speech\r\nDate: Tue, 17 Nov 2026 15:04:00 -0500\r\nMessage-ID: <${messageId}@school.example.org>\r\n\r\nThank you, I will check the log.\r\n`,
  );

const REPORT_QUERY = 'from=2026-09-08&to=2026-10-30&asOf=2026-11-02';

// Every route, in the order it is called: first the reads (demo household), then the writes (fresh
// household). A write that needs a target of its own makes it first, through the API.
const READS: Record<string, Row> = {
  'GET /api/health': async () => ({ url: '/api/health' }),
  'GET /api/ready': async () => ({ url: '/api/ready' }),
  'GET /api/openapi.json': async () => ({ url: '/api/openapi.json' }),
  'GET /api/auth/session': async () => ({ url: '/api/auth/session' }),
  'GET /api/households': async () => ({ url: '/api/households' }),
  'GET /api/caseload': async () => ({ url: '/api/caseload' }),
  'GET /api/caseload.csv': async () => ({ url: '/api/caseload.csv' }),
  'GET /api/households/:householdId': async (f) => ({ url: hA(f, '') }),
  'GET /api/households/:householdId/journal': async (f) => ({ url: hA(f, '/journal') }),
  'GET /api/households/:householdId/verify': async (f) => ({ url: hA(f, '/verify') }),
  'GET /api/households/:householdId/export': async (f) => ({ url: hA(f, '/export') }),
  'GET /api/households/:householdId/members': async (f) => ({ url: hA(f, '/members') }),
  'GET /api/households/:householdId/invitations': async (f) => ({ url: hA(f, '/invitations') }),
  'GET /api/households/:householdId/staff-links': async (f) => ({ url: hA(f, '/staff-links') }),
  'GET /api/households/:householdId/audit': async (f) => ({ url: hA(f, '/audit') }),
  'GET /api/staff-link': async (f) => ({ url: '/api/staff-link', bearer: f.staffToken }),
  'GET /api/households/:householdId/plans/:id/versions': async (f) => ({
    url: hA(f, `/plans/${f.demo.planId}/versions`),
  }),
  'GET /api/households/:householdId/plans/:id/versions/:versionNumber': async (f) => ({
    url: hA(f, `/plans/${f.demo.planId}/versions/1`),
  }),
  'GET /api/households/:householdId/sessions': async (f) => ({
    url: hA(f, `/sessions?serviceId=${f.demo.services.speech}`),
  }),
  'GET /api/households/:householdId/sessions/:id': async (f) => ({
    url: hA(f, `/sessions/${await firstId(f, hA(f, `/sessions?serviceId=${f.demo.services.speech}`))}`),
  }),
  'GET /api/households/:householdId/services/:id/makeup-options': async (f) => ({
    url: hA(f, `/services/${f.demo.services.speech}/makeup-options`),
  }),
  'GET /api/households/:householdId/services/:id/ledger': async (f) => ({
    url: hA(f, `/services/${f.demo.services.speech}/ledger?from=2026-09-01&to=2026-11-27`),
  }),
  'GET /api/households/:householdId/children/:id/ledger': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/ledger?from=2026-09-01&to=2026-11-27`),
  }),
  'GET /api/households/:householdId/children/:id/week': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/week?date=2026-11-18`),
  }),
  'GET /api/households/:householdId/children/:id/patterns': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/patterns?from=2026-09-01&to=2026-11-27`),
  }),
  'GET /api/reference/missed-sessions': async () => ({ url: '/api/reference/missed-sessions' }),
  'GET /api/households/:householdId/attachments': async (f) => ({ url: hA(f, '/attachments') }),
  'GET /api/households/:householdId/attachments/:id': async (f) => ({
    url: hA(f, `/attachments/${f.ids.demoAttachment}`),
  }),
  'GET /api/households/:householdId/attachments/:id/content': async (f) => ({
    url: hA(f, `/attachments/${f.ids.demoAttachment}/content`),
  }),
  'GET /api/households/:householdId/attachments/:id/thumbnail': async (f) => ({
    url: hA(f, `/attachments/${f.ids.demoAttachment}/thumbnail`),
  }),
  'GET /api/households/:householdId/children/:id/check-in-questions': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/check-in-questions?date=2026-11-19`),
  }),
  'GET /api/households/:householdId/check-ins': async (f) => ({
    url: hA(f, `/check-ins?childId=${f.demo.childId}`),
  }),
  'GET /api/households/:householdId/check-ins/:id': async (f) => ({
    url: hA(f, `/check-ins/${await firstId(f, hA(f, '/check-ins'))}`),
  }),
  'GET /api/households/:householdId/settings': async (f) => ({ url: hA(f, '/settings') }),
  // A large import runs as a background job. Made in a household of its own (another account's), so
  // the 201 messages it logs change no other snapshot; read once it has finished.
  'GET /api/households/:householdId/jobs/:id': async (f) => {
    const clerk = await createAccount(f.env, 'jobs@example.org');
    const household = (await ok(f, 'POST', '/api/households', { name: 'Jobs family' }, clerk)).id;
    const child = (await ok(f, 'POST', `/api/households/${household}/children`, { firstName: 'Ada' }, clerk))
      .id;
    const messages = Array.from(
      { length: 201 },
      (_, i) =>
        `From a@school.example.org Tue Nov 17 15:04:00 2026\nFrom: Ms. Alvarez <alvarez@school.example.org>\nTo: jobs@example.org\nSubject: Note ${i + 1}\nDate: Tue, 17 Nov 2026 15:04:00 -0500\nMessage-ID: <job-${i + 1}@school.example.org>\n\nNote ${i + 1}\n`,
    );
    const url = `/api/households/${household}/communications/import?childId=${child}&filename=year.mbox`;
    const started = await call(f.env, 'POST', url, Buffer.from(messages.join('\n')), clerk);
    if (started.status !== 202)
      throw new Error(`fixture import: ${started.status} ${JSON.stringify(started.body)}`);
    await f.env.app.deps.jobs.idle();
    return { url: `/api/households/${household}/jobs/${started.body.id}`, as: clerk };
  },
  'GET /api/households/:householdId/children/:id/communication-status': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/communication-status?asOf=2026-11-27`),
  }),
  'GET /api/households/:householdId/children/:id/district-calendars': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/district-calendars`),
  }),
  'POST /api/households/:householdId/children/:id/district-calendars': async (f) => ({
    url: hB(f, `/children/${f.fresh.childId}/district-calendars`),
    body: { address: feedAddress() },
  }),
  'POST /api/households/:householdId/district-calendars/:id/read': async (f) => ({
    url: hB(f, `/district-calendars/${await freshDistrictCalendar(f)}/read`),
  }),
  'POST /api/households/:householdId/district-calendars/:id/decisions': async (f) => ({
    url: hB(f, `/district-calendars/${await freshDistrictCalendar(f)}/decisions`),
    body: { changeId: 'a@test', action: 'apply' },
  }),
  'DELETE /api/households/:householdId/district-calendars/:id': async (f) => ({
    url: hB(f, `/district-calendars/${await freshDistrictCalendar(f)}`),
  }),
  'GET /api/households/:householdId/children/:id/iep-documents': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/iep-documents`),
  }),
  'GET /api/households/:householdId/iep-documents/:id': async (f) => ({
    url: hA(f, `/iep-documents/${f.ids.iepDocument}`),
  }),
  'GET /api/households/:householdId/iep-documents/:id/file': async (f) => ({
    url: hA(f, `/iep-documents/${f.ids.iepDocument}/file`),
  }),
  'GET /api/households/:householdId/iep-documents/:id/pages/:page': async (f) => ({
    url: hA(f, `/iep-documents/${f.ids.iepDocument}/pages/1`),
  }),
  'POST /api/households/:householdId/children/:id/iep-documents': async (f) => ({
    url: hB(f, `/children/${f.fresh.childId}/iep-documents?filename=iep.pdf`),
    body: IEP_PDF,
  }),
  'POST /api/households/:householdId/iep-documents/:id/plan': async (f) => ({
    url: hB(f, `/iep-documents/${await iepDocumentIn(f, f.fresh.householdId, f.fresh.childId)}/plan`),
    body: {
      plan: {
        kind: 'iep',
        jurisdiction: { country: 'US', region: 'NY' },
        effectiveFrom: '2026-09-08',
        effectiveTo: '2027-06-11',
      },
      accommodations: [{ text: 'Extended time (1.5x) on tests' }],
      team: [{ name: 'Ms. Rivera', role: 'Case manager' }],
    },
  }),
  'POST /api/households/:householdId/iep-documents/:id/amendment': async (f) => {
    const plan = await ok(f, 'POST', hB(f, '/plans'), {
      childId: f.fresh.childId,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'NY' },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-06-11',
    });
    return {
      url: hB(f, `/iep-documents/${await iepDocumentIn(f, f.fresh.householdId, f.fresh.childId)}/amendment`),
      body: {
        planId: plan.id,
        effectiveFrom: '2027-01-11',
        accommodations: [{ text: 'Use of a calculator' }],
        keyDates: [{ kind: 'annual_review', date: '2027-06-04' }],
      },
    };
  },
  'DELETE /api/households/:householdId/iep-documents/:id': async (f) => ({
    url: hB(f, `/iep-documents/${await iepDocumentIn(f, f.fresh.householdId, f.fresh.childId)}`),
  }),
  'POST /api/households/:householdId/children/:id/service-logs/preview': async (f) => ({
    url: await serviceLogUrl(f, '/preview'),
    body: SERVICE_LOG_CSV,
  }),
  'POST /api/households/:householdId/children/:id/service-logs': async (f) => ({
    url: await serviceLogUrl(f),
    body: SERVICE_LOG_CSV,
  }),
  'GET /api/households/:householdId/children/:id/service-logs': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/service-logs`),
  }),
  'GET /api/households/:householdId/service-logs/:id': async (f) => ({
    url: hB(f, `/service-logs/${await freshServiceLog(f)}`),
  }),
  'POST /api/households/:householdId/service-logs/:id/accept': async (f) => ({
    url: hB(f, `/service-logs/${await freshServiceLog(f)}/accept`),
    body: { lines: [4] },
  }),
  'POST /api/households/:householdId/service-logs/:id/marks': async (f) => ({
    url: hB(f, `/service-logs/${await freshServiceLog(f)}/marks`),
    body: { itemKey: 'line:3', mark: 'asked_about' },
  }),
  'GET /api/households/:householdId/children/:id/letter-choices': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/letter-choices?asOf=2026-11-27`),
  }),
  'GET /api/households/:householdId/letters': async (f) => ({ url: hA(f, '/letters') }),
  'GET /api/households/:householdId/letters/:id': async (f) => ({
    url: hA(f, `/letters/${f.ids.demoLetter}`),
  }),
  'GET /api/households/:householdId/letters/:id/version': async (f) => ({
    url: hA(f, `/letters/${f.ids.demoSentLetter}/version?language=es`),
  }),
  'GET /api/households/:householdId/letters/:id/eml': async (f) => ({
    url: hA(f, `/letters/${f.ids.demoLetter}/eml`),
  }),
  'GET /api/households/:householdId/children/:id/advice': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/advice?asOf=2026-11-27`),
  }),
  'GET /api/households/:householdId/calendar-feeds': async (f) => ({ url: hA(f, '/calendar-feeds') }),
  'GET /api/calendar/:token': async (f) => ({ url: f.feedPath, as: null }),
  'GET /api/households/:householdId/children/:id/report': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/report?${REPORT_QUERY}`),
  }),
  'GET /api/households/:householdId/children/:id/report.pdf': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/report.pdf?${REPORT_QUERY}`),
  }),
  'GET /api/households/:householdId/exports/sessions.csv': async (f) => ({
    url: hA(f, `/exports/sessions.csv?childId=${f.demo.childId}`),
  }),
  'GET /api/households/:householdId/exports/observations.csv': async (f) => ({
    url: hA(f, '/exports/observations.csv'),
  }),
  'GET /api/households/:householdId/exports/communications.csv': async (f) => ({
    url: hA(f, '/exports/communications.csv'),
  }),
  'GET /api/households/:householdId/children/:id/living-iep': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/living-iep?asOf=2026-11-27`),
  }),
  'GET /api/households/:householdId/children/:id/living-iep.md': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/living-iep.md?asOf=2026-11-27`),
  }),
  'GET /api/households/:householdId/children/:id/living-iep.pdf': async (f) => ({
    url: hA(f, `/children/${f.demo.childId}/living-iep.pdf?asOf=2026-11-27`),
  }),
};

const WRITES: Record<string, Row> = {
  'POST /api/auth/setup': async (f) => ({ url: '/api/auth/setup', made: f.setupResponse }),
  'POST /api/auth/login': async () => ({
    url: '/api/auth/login',
    body: { email: 'owner@example.org', password: TEST_PASSWORD },
    as: null,
  }),
  'POST /api/auth/logout': async (f) => ({
    url: '/api/auth/logout',
    as: await createAccount(f.env, 'leaving@example.org'),
  }),
  'POST /api/auth/logout-everywhere': async (f) => ({
    url: '/api/auth/logout-everywhere',
    as: await createAccount(f.env, 'everywhere@example.org'),
  }),
  'POST /api/auth/password': async (f) => ({
    url: '/api/auth/password',
    body: { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD}!` },
    as: await createAccount(f.env, 'changing@example.org'),
  }),
  'PUT /api/auth/language': async (f) => ({
    url: '/api/auth/language',
    body: { language: 'es' },
    as: await createAccount(f.env, 'spanish@example.org'),
  }),
  'POST /api/auth/password-reset': async () => ({
    url: '/api/auth/password-reset',
    body: { email: 'owner@example.org' },
    as: null,
  }),
  'POST /api/auth/password-reset/complete': async (f) => {
    const p = await createAccount(f.env, 'forgot@example.org');
    const newId = idSource(f.env.clock);
    const t = await createResetToken(f.env.store, { clock: f.env.clock, newId }, p.email);
    return {
      url: '/api/auth/password-reset/complete',
      body: { token: t!.token, newPassword: `${TEST_PASSWORD}?` },
      as: null,
    };
  },
  'POST /api/households/:householdId/invitations': async (f) => ({
    url: hB(f, '/invitations'),
    body: { email: 'grandma@example.org', role: 'viewer' },
  }),
  'POST /api/invitations/preview': async (f) => {
    const inv = await ok(f, 'POST', hB(f, '/invitations'), { email: 'aunt@example.org', role: 'advocate' });
    f.ids.auntToken = (inv.link as string).split('#token=')[1]!;
    return { url: '/api/invitations/preview', body: { token: f.ids.auntToken }, as: null };
  },
  'POST /api/invitations/accept': async (f) => ({
    url: '/api/invitations/accept',
    body: { token: f.ids.auntToken, displayName: 'Aunt Rosa', password: TEST_PASSWORD },
    as: null,
  }),
  'DELETE /api/households/:householdId/invitations/:id': async (f) => {
    const inv = await ok(f, 'POST', hB(f, '/invitations'), { email: 'cousin@example.org', role: 'viewer' });
    return { url: hB(f, `/invitations/${inv.id}`) };
  },
  'PATCH /api/households/:householdId/members/:userId': async (f) => {
    const p = await createAccount(f.env, 'uncle@example.org', {
      householdId: f.fresh.householdId,
      role: 'viewer',
    });
    return { url: hB(f, `/members/${p.userId}`), body: { role: 'advocate' } };
  },
  'DELETE /api/households/:householdId/members/:userId': async (f) => {
    const p = await createAccount(f.env, 'former@example.org', {
      householdId: f.fresh.householdId,
      role: 'co_parent',
    });
    return { url: hB(f, `/members/${p.userId}?staffLinks=transfer`) };
  },
  'POST /api/households/:householdId/leave': async (f) => ({
    url: hB(f, '/leave'),
    as: await createAccount(f.env, 'goodbye@example.org', {
      householdId: f.fresh.householdId,
      role: 'viewer',
    }),
  }),
  'POST /api/households/:householdId/staff-links': async (f) => ({
    url: hB(f, '/staff-links'),
    body: { serviceId: f.fresh.services.speech, label: 'Mr. Chen' },
  }),
  'POST /api/households/:householdId/staff-links/:id/revoke': async (f) => {
    const link = await ok(f, 'POST', hB(f, '/staff-links'), { serviceId: f.fresh.services.ot });
    return { url: hB(f, `/staff-links/${link.id}/revoke`) };
  },
  'POST /api/staff-link/sessions': async (f) => ({
    url: '/api/staff-link/sessions',
    bearer: f.freshStaffToken,
    body: { serviceId: f.fresh.services.speech, date: '2026-11-24', status: 'delivered' },
  }),
  'POST /api/staff-link/sessions/:id/corrections': async (f) => {
    const res = await f.env.app.inject({
      method: 'POST',
      url: '/api/staff-link/sessions',
      headers: { authorization: `Bearer ${f.freshStaffToken}` },
      payload: { serviceId: f.fresh.services.speech, date: '2026-11-20', status: 'delivered' },
    });
    if (res.statusCode !== 201) throw new Error(`fixture staff session: ${res.statusCode} ${res.body}`);
    return {
      url: `/api/staff-link/sessions/${JSON.parse(res.body).id}/corrections`,
      bearer: f.freshStaffToken,
      body: { action: 'void', note: 'Wrong day' },
    };
  },
  'POST /api/households': async () => ({ url: '/api/households', body: { name: 'Another family' } }),
  // A household with a child, as another server exported it (import refuses ids this one holds).
  'POST /api/import': async (f) => {
    const newId = idSource(f.env.clock);
    const at = '2026-11-01T10:00:00.000Z';
    const household = { id: newId(), name: 'Moved here', createdAt: at };
    const sections = ['plans', 'planVersions', 'services', 'accommodations', 'goals', 'behaviorSteps']
      .concat(['keyDates', 'teamContacts', 'calendars', 'calendarEvents', 'accommodationObservations'])
      .concat(['behaviorIncidents', 'classPeriods', 'goalProgress', 'sessionEntries', 'journal']);
    return {
      url: '/api/import',
      body: {
        format: 'as-written/1',
        exportedAt: at,
        household,
        ...Object.fromEntries(sections.map((k) => [k, []])),
        children: [],
      },
    };
  },
  'POST /api/households/:householdId/plans/:id/amendments': async (f) => ({
    url: hB(f, `/plans/${f.fresh.planId}/amendments`),
    body: { effectiveFrom: '2027-01-04', summary: 'Amended at the meeting' },
  }),
  'POST /api/households/:householdId/sessions': async (f) => ({
    url: hB(f, '/sessions'),
    body: { serviceId: f.fresh.services.speech, date: '2026-11-17' },
  }),
  'PATCH /api/households/:householdId/sessions/:id': async (f) => {
    const miss = await ok(f, 'POST', hB(f, '/sessions'), {
      serviceId: f.fresh.services.ot,
      date: '2026-11-17',
      status: 'missed',
      reason: 'unknown',
    });
    return { url: hB(f, `/sessions/${miss.id}`), body: { responsibility: 'owed' } };
  },
  'POST /api/households/:householdId/sessions/:id/corrections': async (f) => {
    const entry = await ok(f, 'POST', hB(f, '/sessions'), {
      serviceId: f.fresh.services.reading,
      date: '2026-11-18',
    });
    return {
      url: hB(f, `/sessions/${entry.id}/corrections`),
      body: { action: 'void', note: 'Logged by mistake' },
    };
  },
  'POST /api/households/:householdId/services/:id/week-delivered': async (f) => ({
    url: hB(f, `/services/${f.fresh.services.speech}/week-delivered`),
    body: { dates: ['2026-11-23'] },
  }),
  'POST /api/service-lines/parse': async () => ({
    url: '/api/service-lines/parse',
    body: { text: 'Speech-language therapy, 30 minutes 2 times per week, pull-out' },
  }),
  'POST /api/households/:householdId/attachments': async (f) => ({
    url: hB(f, '/attachments?filename=note.txt'),
    body: Buffer.from('What Emma said on the way home\n'),
  }),
  'DELETE /api/households/:householdId/attachments/:id': async (f) => {
    const res = await ok(f, 'POST', hB(f, '/attachments?filename=draft.txt'), Buffer.from('A draft\n'));
    return { url: hB(f, `/attachments/${res.attachment.id}`) };
  },
  'POST /api/households/:householdId/check-ins': async (f) => ({
    url: hB(f, '/check-ins'),
    body: checkInBody(f.fresh.childId, f.ids.freshAccommodation!),
  }),
  'POST /api/households/:householdId/communications/import': async (f) => ({
    url: hB(f, `/communications/import?childId=${f.fresh.childId}&filename=note.eml`),
    body: emlOf('reply-1'),
  }),
  'PATCH /api/households/:householdId/settings': async (f) => ({
    url: hB(f, '/settings'),
    body: { replySchoolDays: 5 },
  }),
  'POST /api/households/:householdId/children/:id/letters': async (f) => ({
    url: hB(f, `/children/${f.fresh.childId}/letters`),
    body: { request: { kind: 'check_in' } },
  }),
  'PATCH /api/households/:householdId/letters/:id': async (f) => {
    f.ids.freshLetter = (
      await ok(f, 'POST', hB(f, `/children/${f.fresh.childId}/letters`), { request: { kind: 'check_in' } })
    ).id;
    return { url: hB(f, `/letters/${f.ids.freshLetter}`), body: { subject: 'Checking in' } };
  },
  'POST /api/households/:householdId/letters/:id/sent': async (f) => ({
    url: hB(f, `/letters/${f.ids.freshLetter}/sent`),
    body: { date: '2026-11-27' },
  }),
  'DELETE /api/households/:householdId/letters/:id': async (f) => {
    const letter = await ok(f, 'POST', hB(f, `/children/${f.fresh.childId}/letters`), {
      request: { kind: 'check_in' },
    });
    return { url: hB(f, `/letters/${letter.id}`) };
  },
  'POST /api/households/:householdId/tone-check': async (f) => ({
    url: hB(f, '/tone-check'),
    body: { text: 'You never answered!! I demand a meeting by Friday.' },
  }),
  'POST /api/households/:householdId/calendar-feeds': async (f) => ({
    url: hB(f, '/calendar-feeds'),
    body: { childId: f.fresh.childId },
  }),
  'POST /api/households/:householdId/calendar-feeds/:id/revoke': async (f) => {
    const feed = await ok(f, 'POST', hB(f, '/calendar-feeds'), { childId: null });
    return { url: hB(f, `/calendar-feeds/${feed.feed.id}/revoke`) };
  },
  'POST /api/households/:householdId/children/:id/school-calendar/ics': async (f) => ({
    url: hB(f, `/children/${f.fresh.childId}/school-calendar/ics?filename=district.ics`),
    body: Buffer.from(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Cedar Falls USD//EN',
        'X-WR-CALNAME:Cedar Falls 2026-27',
        'BEGIN:VEVENT',
        'UID:thanksgiving@cedarfalls.example',
        'DTSTART;VALUE=DATE:20261125',
        'DTEND;VALUE=DATE:20261128',
        'SUMMARY:Thanksgiving Break',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:inservice@cedarfalls.example',
        'DTSTART;VALUE=DATE:20270129',
        'SUMMARY:Staff Development Day',
        'END:VEVENT',
        'BEGIN:VEVENT',
        'UID:pictures@cedarfalls.example',
        'DTSTART;VALUE=DATE:20260924',
        'SUMMARY:Picture Day',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    ),
  }),
  'POST /api/households/:householdId/children/:id/school-calendar/events/batch': async (f) => ({
    url: hB(f, `/children/${f.fresh.childId}/school-calendar/events/batch`),
    body: {
      events: [
        {
          calendarId: f.fresh.calendarId,
          kind: 'holiday',
          startDate: '2027-01-29',
          label: 'Staff Development Day',
        },
        {
          calendarId: f.fresh.calendarId,
          kind: 'early_dismissal',
          startDate: '2026-11-19',
          label: 'Early Dismissal 12:30',
        },
      ],
    },
  }),
  'PUT /api/households/:householdId/children/:id/living-iep/notes': async (f) => ({
    url: hB(f, `/children/${f.fresh.childId}/living-iep/notes`),
    body: { concerns: 'I worry about reading.', changes: ['Move reading'], questions: [] },
  }),
};

// Not an API response: the web app's files (or a 503 before `npm run build:web`), which depend on
// the build, not on the household.
// The metrics are the process's own figures (memory, timings), different at every call: tested in
// test/integration/operations.test.ts instead.
const NOT_SNAPSHOTTED = ['GET /*', 'GET /metrics'];

function allRows(): [string, Row][] {
  const resources = Object.entries(resourceRows());
  return [
    ...Object.entries(READS),
    ...resources.filter(([key]) => key.startsWith('GET ')),
    ...Object.entries(WRITES),
    ...resources.filter(([key]) => !key.startsWith('GET ')),
  ];
}

// --- normalisation --------------------------------------------------------------------------

const PATTERNS: [RegExp, string][] = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'id'],
  [/(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/gi, 'sha256'],
  [/(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g, 'token'],
  // The local district calendar feed's address (its port differs from run to run).
  [/http:\/\/127\.0\.0\.1:\d+/g, 'local-feed'],
  // nodemailer's MIME boundaries hold random hex.
  [/--_NmP-[0-9a-f]+-Part_\d+/g, 'boundary'],
];

/** Replaces what is random with placeholders numbered by first appearance in `text`. */
function normalise(text: string): string {
  let out = text;
  for (const [pattern, name] of PATTERNS) {
    const seen = new Map<string, string>();
    out = out.replace(pattern, (match) => {
      let placeholder = seen.get(match);
      if (!placeholder) {
        placeholder = `<${name}-${seen.size + 1}>`;
        seen.set(match, placeholder);
      }
      return placeholder;
    });
  }
  return out;
}

/**
 * Object keys in one order: JSON gives key order no meaning, and a response serialised through its
 * zod schema takes the schema's order, not the order the service built the object in.
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'as-written-snapshot-'));
  try {
    const file = join(dir, 'file.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What is kept of a response: its status, the headers that say what it is, and its body. */
function snapshotOf(method: string, call: Call, res: RawResponse): string {
  const type = String(res.headers['content-type'] ?? '');
  let body: unknown;
  if (type.startsWith('application/json')) body = res.payload ? JSON.parse(res.payload) : null;
  else if (type.startsWith('application/pdf')) body = { pdfText: pdfText(res.raw).split('\n') };
  else if (type.startsWith('image/') || type.startsWith('application/octet-stream'))
    body = { bytes: res.raw.length, sha256: createHash('sha256').update(res.raw).digest('hex') };
  // iCalendar folds lines at 75 octets, which would cut an id in two: unfolded first (RFC 5545 3.1).
  else if (type.startsWith('text/calendar')) body = res.payload.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  else body = res.payload.split(/\r?\n/);
  // The one answer that names the backend.
  if (call.url === '/api/health') body = { ...(body as object), database: '<backend>' };
  // Readiness names the backend and the last migration (which the next migration changes).
  if (call.url === '/api/ready') body = { ...(body as object), database: '<backend>', migration: '<latest>' };
  const kept = {
    request: `${method} ${call.url}`,
    ...(call.body === undefined || Buffer.isBuffer(call.body) ? {} : { requestBody: call.body }),
    status: res.status,
    contentType: type || null,
    ...(res.headers['content-disposition'] ? { contentDisposition: res.headers['content-disposition'] } : {}),
    body,
  };
  return `${normalise(JSON.stringify(sortKeys(kept), null, 2))}\n`;
}

function fileOf(key: string): string {
  const [method, url] = key.split(' ') as [string, string];
  const name = url
    .replace(/^\/api\//, '')
    .replace(/[/:.*]+/g, '-')
    .replace(/-+$/, '');
  return join(SNAPSHOT_DIR, `${method} ${name || 'root'}.json`);
}

async function send(f: Fixture, method: string, c: Call): Promise<RawResponse> {
  if (c.made) return c.made;
  const headers: Record<string, string> = {};
  if (Buffer.isBuffer(c.body)) headers['content-type'] = 'application/octet-stream';
  if (c.bearer) headers.authorization = `Bearer ${c.bearer}`;
  else {
    const principal = c.as !== undefined ? c.as : f.env.owner;
    if (principal) {
      headers.cookie = principal.cookie;
      headers['x-csrf-token'] = principal.csrfToken;
    }
  }
  const res = await f.env.app.inject({
    method: method as 'GET',
    url: c.url,
    headers,
    ...(c.body === undefined ? {} : { payload: c.body as object }),
  });
  return { status: res.statusCode, headers: res.headers, payload: res.body, raw: res.rawPayload };
}

// --- the test ------------------------------------------------------------------------------

/**
 * A district calendar feed on 127.0.0.1, which the snapshot app may read (its host:port allowed); its
 * address is kept in snapshots as <local-feed>. One event: Thanksgiving, not on the demo's calendar as such.
 */
const FEED_ICS =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nX-WR-CALNAME:Maple District\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:20270217\r\nSUMMARY:Winter Recess - No School\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
const feedServer = http.createServer((_req, res) => res.end(FEED_ICS));
let feedBase = '';
let feedCount = 0;
/** A new address of the feed each time (one child reads an address once). */
const feedAddress = () => `${feedBase}/district-${++feedCount}.ics`;

async function openSnapshotEnv(backend: (typeof BACKENDS)[number]) {
  const { store, cleanup } = await openTestStore(backend);
  const clock = fixedClock(TEST_NOW);
  const mailer = captureMailer();
  if (!feedServer.listening) await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
  const feedPort = (feedServer.address() as AddressInfo).port;
  feedBase = `http://127.0.0.1:${feedPort}`;
  const app = await buildApp({
    store,
    clock,
    logger: false,
    mailer,
    fetchPolicy: { allowHosts: [`127.0.0.1:${feedPort}`] },
  });
  // The first-run setup is a write route too: its response is kept.
  const setup = await app.inject({
    method: 'POST',
    url: '/api/auth/setup',
    payload: {
      email: 'owner@example.org',
      displayName: 'Olivia Owner',
      password: TEST_PASSWORD,
      householdName: 'Owner family',
    },
  });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.statusCode} ${setup.body}`);
  const body = JSON.parse(setup.body);
  const owner = await signIn(app, 'owner@example.org');
  const env: TestEnv = {
    store,
    app,
    clock,
    mailer,
    owner,
    householdId: body.households[0].id,
    close: async () => {
      await app.close();
      await cleanup();
    },
  };
  const setupResponse: RawResponse = {
    status: setup.statusCode,
    headers: setup.headers,
    payload: setup.body,
    raw: setup.rawPayload,
  };
  return { env, setupResponse };
}

afterAll(async () => {
  feedServer.closeAllConnections();
  if (feedServer.listening) await new Promise((r) => feedServer.close(r));
});

describe.each(BACKENDS)('the response of every route on %s', (backend) => {
  let f: Fixture;

  beforeAll(async () => {
    feedCount = 0;
    const { env, setupResponse } = await openSnapshotEnv(backend);
    const demo = await seedDemoHousehold(env.store, env.clock, env.owner.userId);
    const fresh = await seedDemoHousehold(env.store, env.clock, env.owner.userId);
    f = { env, demo, fresh, ids: {}, staffToken: '', freshStaffToken: '', feedPath: '', setupResponse };
    const inDemo = (path: string) => hA(f, path);

    // What the demo household lacks, added as a parent would.
    await createAccount(env, 'sam@example.org', { householdId: demo.householdId, role: 'co_parent' });
    await ok(f, 'POST', inDemo('/invitations'), { email: 'advocate@example.org', role: 'advocate' });
    const link = await ok(f, 'POST', inDemo('/staff-links'), {
      serviceId: demo.services.speech,
      label: 'Ms. Patel',
    });
    f.staffToken = (link.link as string).split('#token=')[1]!;
    const staffSession = await env.app.inject({
      method: 'POST',
      url: '/api/staff-link/sessions',
      headers: { authorization: `Bearer ${f.staffToken}` },
      payload: {
        serviceId: demo.services.speech,
        date: '2026-11-24',
        status: 'delivered',
        note: 'Articulation',
      },
    });
    if (staffSession.statusCode !== 201) throw new Error(`staff session: ${staffSession.body}`);
    await ok(f, 'POST', inDemo(`/children/${demo.childId}/district-calendars`), { address: feedAddress() });
    f.ids.iepDocument = await iepDocumentIn(f, demo.householdId, demo.childId);
    const feed = await ok(f, 'POST', inDemo('/calendar-feeds'), { childId: demo.childId });
    f.feedPath = new URL(feed.url as string).pathname;
    const demoAccommodation = await firstId(f, inDemo(`/accommodations?planId=${demo.planId}`));
    await ok(f, 'POST', inDemo('/check-ins'), checkInBody(demo.childId, demoAccommodation));
    await ok(f, 'POST', inDemo('/school-absences'), {
      childId: demo.childId,
      date: '2026-11-18',
      note: 'Fever',
    });
    const sent = await ok(f, 'POST', inDemo(`/children/${demo.childId}/letters`), {
      request: { kind: 'check_in' },
    });
    await ok(f, 'POST', inDemo(`/letters/${sent.id}/sent`), { date: '2026-11-27' });
    f.ids.demoSentLetter = sent.id;
    const draft = await ok(f, 'POST', inDemo(`/children/${demo.childId}/letters`), {
      request: { kind: 'request_service_logs', serviceId: demo.services.speech },
    });
    f.ids.demoLetter = draft.id;
    await ok(f, 'PUT', inDemo(`/children/${demo.childId}/living-iep/notes`), {
      concerns: 'Speech is still behind; the make-ups never came.',
      changes: ['Two speech sessions every week, as written'],
      questions: ['Who covers speech when the therapist is away?'],
    });
    f.ids.demoAttachment = await firstId(f, inDemo('/attachments'));

    // The fresh household's ids the writes name.
    f.ids.freshAccommodation = await firstId(f, hB(f, `/accommodations?planId=${fresh.planId}`));
    f.ids.freshGoal = await firstId(f, hB(f, `/goals?planId=${fresh.planId}`));
    f.ids.freshAttachment = await firstId(f, hB(f, '/attachments'));
    const freshLink = await ok(f, 'POST', hB(f, '/staff-links'), { serviceId: fresh.services.speech });
    f.freshStaffToken = (freshLink.link as string).split('#token=')[1]!;
  }, 240_000);
  afterAll(async () => f?.env.close());

  it('has a snapshot call for every route the server serves', () => {
    const served = f.env.app.deps.routes.map((r) => `${r.method} ${r.url}`);
    const rows = new Set([...allRows().map(([key]) => key), ...NOT_SNAPSHOTTED]);
    expect(
      served.filter((key) => !rows.has(key)),
      'routes without a snapshot call',
    ).toEqual([]);
    expect(
      [...rows].filter((key) => !served.includes(key)),
      'snapshot calls for routes that no longer exist',
    ).toEqual([]);
  });

  it('answers every route as the stored snapshot says', { timeout: 600_000 }, async () => {
    for (const [key, row] of allRows()) {
      const method = key.split(' ')[0]!;
      const c = await row(f);
      const res = await send(f, method, c);
      expect(res.status, `${key}: ${res.payload.slice(0, 500)}`).toBeLessThan(300);
      // Soft: one run lists every route whose response changed.
      await expect.soft(snapshotOf(method, c, res), key).toMatchFileSnapshot(fileOf(key));
    }
  });
});
