import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { idSource } from '../../src/server/context.ts';
import { createResetToken } from '../../src/server/services/accounts.ts';
import {
  BACKENDS,
  call,
  createAccount,
  openTestEnv,
  type Principal,
  TEST_PASSWORD,
  type TestEnv,
} from './harness.ts';

// Every API route, and for each kind of caller the answer it must get. A route that is not in
// ROWS fails the test, so a new route cannot skip its authorization decision.

const CALLERS = [
  'anonymous',
  'outsider',
  'owner',
  'co_parent',
  'advocate',
  'viewer',
  'staff_own',
  'staff_other',
] as const;
type Caller = (typeof CALLERS)[number];
/** 'ok' is any 2xx; numbers are exact statuses. */
type Expect = 'ok' | 401 | 403 | 404 | 409;
type Expected = Record<Caller, Expect>;

// The profiles, written out in full so each row's expectation can be read at a glance.
const PUBLIC: Expected = {
  anonymous: 'ok',
  outsider: 'ok',
  owner: 'ok',
  co_parent: 'ok',
  advocate: 'ok',
  viewer: 'ok',
  staff_own: 'ok',
  staff_other: 'ok',
};
const SIGNED_IN: Expected = {
  anonymous: 401,
  outsider: 'ok',
  owner: 'ok',
  co_parent: 'ok',
  advocate: 'ok',
  viewer: 'ok',
  staff_own: 401,
  staff_other: 401,
};
const MEMBERS_READ: Expected = {
  anonymous: 401,
  outsider: 404,
  owner: 'ok',
  co_parent: 'ok',
  advocate: 'ok',
  viewer: 'ok',
  staff_own: 401,
  staff_other: 401,
};
const PARENTS_WRITE: Expected = {
  anonymous: 401,
  outsider: 404,
  owner: 'ok',
  co_parent: 'ok',
  advocate: 403,
  viewer: 403,
  staff_own: 401,
  staff_other: 401,
};
const OWNER_ONLY: Expected = {
  anonymous: 401,
  outsider: 404,
  owner: 'ok',
  co_parent: 403,
  advocate: 403,
  viewer: 403,
  staff_own: 401,
  staff_other: 401,
};
const NOT_VIEWER: Expected = {
  anonymous: 401,
  outsider: 404,
  owner: 'ok',
  co_parent: 'ok',
  advocate: 'ok',
  viewer: 403,
  staff_own: 401,
  staff_other: 401,
};
const STAFF_VIEW: Expected = {
  anonymous: 401,
  outsider: 401,
  owner: 401,
  co_parent: 401,
  advocate: 401,
  viewer: 401,
  staff_own: 'ok',
  staff_other: 'ok',
};
const STAFF_OWN_SERVICE: Expected = {
  anonymous: 401,
  outsider: 401,
  owner: 401,
  co_parent: 401,
  advocate: 401,
  viewer: 401,
  staff_own: 'ok',
  staff_other: 404,
};
const ALWAYS_CONFLICT: Expected = {
  anonymous: 409,
  outsider: 409,
  owner: 409,
  co_parent: 409,
  advocate: 409,
  viewer: 409,
  staff_own: 409,
  staff_other: 409,
};
const WRONG_PASSWORD: Expected = {
  anonymous: 401,
  outsider: 401,
  owner: 401,
  co_parent: 401,
  advocate: 401,
  viewer: 401,
  staff_own: 401,
  staff_other: 401,
};

type Fixture = {
  env: TestEnv;
  hid: string;
  childId: string;
  planId: string;
  serviceA: string;
  serviceB: string;
  calendarId: string;
  accommodationId: string;
  goalId: string;
  /** An uploaded PNG (with a thumbnail) that the work-sample fixtures use. */
  attachmentId: string;
  callers: Record<Exclude<Caller, 'anonymous' | 'staff_own' | 'staff_other'>, Principal>;
  staffTokens: { own: string; other: string };
  roles: Record<string, string>;
};

type Request = { url: string; body?: unknown; as?: Principal | null };
type Row = { expect: Expected; make: (f: Fixture, caller: Caller) => Promise<Request> };

const h = (f: Fixture, path: string) => `/api/households/${f.hid}${path}`;
const newId = () => idSource({ now: () => new Date().toISOString(), today: () => '' })();

async function owner(f: Fixture, method: string, path: string, body?: unknown) {
  const res = await call(f.env, method, h(f, path), body);
  if (res.status >= 300)
    throw new Error(`fixture ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const segment = {
  startDate: '2026-09-08',
  endDate: '2027-06-11',
  minutesPerSession: 30,
  sessionsPerPeriod: 2,
  period: { unit: 'week' },
};
const serviceBody = (f: Fixture) => ({
  planId: f.planId,
  name: 'PT',
  area: 'pt',
  setting: 'push_in',
  startDate: '2026-09-08',
  endDate: '2027-06-11',
  segments: [segment],
});

/** A different weekday of the fixture's school year for each absence marked (one mark per child and day). */
let absenceDays = 0;
function nextAbsenceDay(): string {
  const day = new Date(Date.UTC(2027, 0, 4));
  for (let weekdays = 0; weekdays < absenceDays; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) weekdays++;
  }
  absenceDays++;
  return day.toISOString().slice(0, 10);
}

const RESOURCE_BODIES: Record<string, (f: Fixture) => Record<string, unknown>> = {
  children: () => ({ firstName: 'Alex' }),
  plans: (f) => ({
    childId: f.childId,
    kind: '504',
    jurisdiction: { country: 'US', region: 'CA' },
    effectiveFrom: '2026-09-01',
    effectiveTo: '2027-08-31',
  }),
  services: serviceBody,
  accommodations: (f) => ({ planId: f.planId, text: 'Extended time' }),
  goals: (f) => ({ planId: f.planId, area: 'Math', text: 'Add within 20' }),
  'behavior-steps': (f) => ({ planId: f.planId, kind: 'reward', text: 'Token chart' }),
  'key-dates': (f) => ({ planId: f.planId, kind: 'annual_review', date: '2027-09-01' }),
  'team-contacts': (f) => ({ childId: f.childId, name: 'Ms. Alvarez', role: 'Case manager' }),
  calendars: (f) => ({
    childId: f.childId,
    name: 'Next year',
    firstDay: '2027-09-07',
    lastDay: '2028-06-09',
  }),
  'calendar-events': (f) => ({
    calendarId: f.calendarId,
    kind: 'closure',
    startDate: '2026-12-09',
    label: 'Snow day',
  }),
  'accommodation-observations': (f) => ({
    accommodationId: f.accommodationId,
    date: '2026-09-15',
    outcome: 'not_provided',
    teacherKind: 'substitute',
    source: 'child_report',
  }),
  'behavior-incidents': (f) => ({
    planId: f.planId,
    date: '2026-09-15',
    summary: 'Meltdown at the assembly',
    source: 'teacher',
  }),
  'class-periods': (f) => ({
    childId: f.childId,
    weekday: 2,
    startTime: '10:00',
    endTime: '10:45',
    className: 'Science',
  }),
  'goal-progress': (f) => ({
    goalId: f.goalId,
    date: '2026-11-13',
    value: '68 wcpm',
    numericValue: 68,
    source: 'progress_report',
  }),
  'work-samples': (f) => ({
    childId: f.childId,
    date: '2026-10-02',
    title: 'Spelling test',
    className: 'English',
    setting: 'test',
    attachmentIds: [f.attachmentId],
    accommodationChecks: [{ accommodationId: f.accommodationId, outcome: 'provided' }],
    goalIds: [f.goalId],
  }),
  communications: (f) => ({
    childId: f.childId,
    kind: 'email',
    direction: 'sent',
    date: '2026-09-21',
    subject: 'Extended time on the spelling test',
    summary: 'Could you help me understand what happened with extended time on Friday?',
  }),
  'parent-notes': (f) => ({
    childId: f.childId,
    date: '2026-09-21',
    kind: 'new_challenge',
    text: 'Comes home exhausted after PE',
  }),
  'school-absences': (f) => ({ childId: f.childId, date: nextAbsenceDay(), note: 'Home sick' }),
};
const RESOURCE_PATCHES: Record<string, Record<string, unknown>> = {
  children: { grade: '4' },
  plans: { title: 'Amended title' },
  services: { name: 'Physical therapy' },
  accommodations: { text: 'Extended time (1.5x)' },
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

/** Who writes each record type: its definition's permission (parent notes take note.write, as advocates may). */
const RESOURCE_WRITERS: Record<string, Expected> = { 'parent-notes': NOT_VIEWER };

function resourceRows(): Record<string, Row> {
  const rows: Record<string, Row> = {};
  for (const [path, body] of Object.entries(RESOURCE_BODIES)) {
    const fresh = async (f: Fixture) => (await owner(f, 'POST', `/${path}`, body(f))).id as string;
    const writers = RESOURCE_WRITERS[path] ?? PARENTS_WRITE;
    rows[`POST /api/households/:householdId/${path}`] = {
      expect: writers,
      make: async (f) => ({ url: h(f, `/${path}`), body: body(f) }),
    };
    rows[`GET /api/households/:householdId/${path}`] = {
      expect: MEMBERS_READ,
      make: async (f) => ({ url: h(f, `/${path}`) }),
    };
    rows[`GET /api/households/:householdId/${path}/:id`] = {
      expect: MEMBERS_READ,
      make: async (f) => ({ url: h(f, `/${path}/${await fresh(f)}`) }),
    };
    rows[`PATCH /api/households/:householdId/${path}/:id`] = {
      expect: writers,
      make: async (f) => ({ url: h(f, `/${path}/${await fresh(f)}`), body: RESOURCE_PATCHES[path] }),
    };
    if (
      ['accommodation-observations', 'behavior-incidents', 'work-samples', 'communications'].includes(path)
    ) {
      rows[`POST /api/households/:householdId/${path}/:id/void`] = {
        expect: writers,
        make: async (f) => ({
          url: h(f, `/${path}/${await fresh(f)}/void`),
          body: { note: 'Logged by mistake' },
        }),
      };
    }
    if (!['children', 'plans', 'calendars'].includes(path)) {
      rows[`DELETE /api/households/:householdId/${path}/:id`] = {
        expect: OWNER_ONLY,
        make: async (f) => ({ url: h(f, `/${path}/${await fresh(f)}`) }),
      };
    }
  }
  return rows;
}

/** A mailbox of more messages than one batch, which the server imports as a background job. */
function largeMailbox(): Buffer {
  const messages = Array.from(
    { length: 201 },
    (_, i) =>
      `From a@school.example.org Tue Sep 22 15:04:00 2026\nFrom: a@school.example.org\nSubject: Note ${i + 1}\nDate: Tue, 22 Sep 2026 15:04:00 -0500\nMessage-ID: <${newId()}@school.example.org>\n\nNote ${i + 1}\n`,
  );
  return Buffer.from(messages.join('\n'));
}

async function freshMember(f: Fixture, role: string): Promise<string> {
  const p = await createAccount(f.env, `member-${newId()}@example.org`, { householdId: f.hid, role });
  return p.userId;
}

/** A throwaway account with the same standing as the caller, for routes that change the caller's own account. */
async function standIn(f: Fixture, caller: Caller): Promise<Principal | null | undefined> {
  if (caller === 'anonymous' || caller === 'staff_own' || caller === 'staff_other') return undefined;
  const role = f.roles[caller];
  return createAccount(
    f.env,
    `standin-${newId()}@example.org`,
    role ? { householdId: f.hid, role } : undefined,
  );
}

const ROWS: Record<string, Row> = {
  'GET /api/health': { expect: PUBLIC, make: async () => ({ url: '/api/health' }) },
  // Readiness (database reachable, migrations current): public, no data.
  'GET /api/ready': { expect: PUBLIC, make: async () => ({ url: '/api/ready' }) },
  // Prometheus metrics: for the bearer token in AS_WRITTEN_METRICS_TOKEN only (the matrix's server
  // sets one), never for a session or a staff link's token; with no token set the route answers 404
  // (test/integration/operations.test.ts).
  'GET /metrics': {
    expect: {
      anonymous: 401,
      outsider: 401,
      owner: 401,
      co_parent: 401,
      advocate: 401,
      viewer: 401,
      staff_own: 401,
      staff_other: 401,
    },
    make: async () => ({ url: '/metrics' }),
  },
  // The web app's files (or, before a build, a 503 that says how to build it): public, no data.
  'GET /*': {
    expect: {
      anonymous: 'ok',
      outsider: 'ok',
      owner: 'ok',
      co_parent: 'ok',
      advocate: 'ok',
      viewer: 'ok',
      staff_own: 'ok',
      staff_other: 'ok',
    },
    make: async () => ({ url: '/manifest.webmanifest' }),
  },
  'GET /api/households/:householdId/children/:id/week': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/week?date=2026-09-16`) }),
  },
  'GET /api/openapi.json': { expect: PUBLIC, make: async () => ({ url: '/api/openapi.json' }) },
  'GET /api/auth/session': { expect: PUBLIC, make: async () => ({ url: '/api/auth/session' }) },
  'POST /api/auth/setup': {
    expect: ALWAYS_CONFLICT,
    make: async () => ({
      url: '/api/auth/setup',
      body: { email: 'late@example.org', displayName: 'Late', password: TEST_PASSWORD },
    }),
  },
  'POST /api/auth/login': {
    expect: WRONG_PASSWORD,
    make: async () => ({
      url: '/api/auth/login',
      body: { email: `nobody-${newId()}@example.org`, password: 'wrong password' },
    }),
  },
  'POST /api/auth/logout': {
    expect: SIGNED_IN,
    make: async (f, caller) => ({ url: '/api/auth/logout', as: await standIn(f, caller) }),
  },
  'POST /api/auth/logout-everywhere': {
    expect: SIGNED_IN,
    make: async (f, caller) => ({ url: '/api/auth/logout-everywhere', as: await standIn(f, caller) }),
  },
  'POST /api/auth/password': {
    expect: SIGNED_IN,
    make: async (f, caller) => ({
      url: '/api/auth/password',
      body: { currentPassword: TEST_PASSWORD, newPassword: `${TEST_PASSWORD}!` },
      as: await standIn(f, caller),
    }),
  },
  'PUT /api/auth/language': {
    expect: SIGNED_IN,
    make: async (f, caller) => ({
      url: '/api/auth/language',
      body: { language: 'es' },
      as: await standIn(f, caller),
    }),
  },
  'POST /api/auth/password-reset': {
    expect: PUBLIC,
    make: async () => ({
      url: '/api/auth/password-reset',
      body: { email: `someone-${newId()}@example.org` },
    }),
  },
  'POST /api/auth/password-reset/complete': {
    expect: PUBLIC,
    make: async (f) => {
      const p = await createAccount(f.env, `reset-${newId()}@example.org`);
      const t = await createResetToken(f.env.store, { clock: f.env.clock, newId }, p.email);
      return {
        url: '/api/auth/password-reset/complete',
        body: { token: t!.token, newPassword: `${TEST_PASSWORD}?` },
      };
    },
  },
  'POST /api/invitations/preview': {
    expect: PUBLIC,
    make: async (f) => {
      const inv = await owner(f, 'POST', '/invitations', {
        email: `invited-${newId()}@example.org`,
        role: 'viewer',
      });
      return { url: '/api/invitations/preview', body: { token: (inv.link as string).split('#token=')[1] } };
    },
  },
  'POST /api/invitations/accept': {
    expect: PUBLIC,
    make: async (f, caller) => {
      // Invitations to a household none of the callers belongs to, each sent to the caller's own
      // address (an invitation is only for the address it was sent to), so every caller can join it.
      const host = await createAccount(f.env, `host-${newId()}@example.org`);
      const household = await call(f.env, 'POST', '/api/households', { name: 'Host family' }, host);
      const signedIn = caller in f.callers ? f.callers[caller as keyof Fixture['callers']] : null;
      const inv = await call(
        f.env,
        'POST',
        `/api/households/${household.body.id}/invitations`,
        { email: signedIn?.email ?? `joiner-${newId()}@example.org`, role: 'viewer' },
        host,
      );
      return {
        url: '/api/invitations/accept',
        body: {
          token: (inv.body.link as string).split('#token=')[1],
          displayName: 'Joiner',
          password: TEST_PASSWORD,
        },
      };
    },
  },
  'POST /api/households': {
    expect: SIGNED_IN,
    make: async () => ({ url: '/api/households', body: { name: 'Another family' } }),
  },
  'GET /api/households': { expect: SIGNED_IN, make: async () => ({ url: '/api/households' }) },
  // The caseload names no household: any signed-in person may ask, and gets only their own households'
  // rows (test/integration/caseload.test.ts: none for someone in no household).
  'GET /api/caseload': { expect: SIGNED_IN, make: async () => ({ url: '/api/caseload' }) },
  'GET /api/caseload.csv': { expect: SIGNED_IN, make: async () => ({ url: '/api/caseload.csv' }) },
  'GET /api/households/:householdId': { expect: MEMBERS_READ, make: async (f) => ({ url: h(f, '') }) },
  'GET /api/households/:householdId/journal': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/journal') }),
  },
  'GET /api/households/:householdId/verify': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/verify') }),
  },
  'GET /api/households/:householdId/exports/sessions.csv': {
    expect: NOT_VIEWER,
    make: async (f) => ({ url: h(f, `/exports/sessions.csv?childId=${f.childId}`) }),
  },
  'GET /api/households/:householdId/exports/observations.csv': {
    expect: NOT_VIEWER,
    make: async (f) => ({ url: h(f, '/exports/observations.csv') }),
  },
  'GET /api/households/:householdId/exports/communications.csv': {
    expect: NOT_VIEWER,
    make: async (f) => ({ url: h(f, '/exports/communications.csv') }),
  },
  'GET /api/households/:householdId/children/:id/living-iep': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/living-iep?asOf=2026-10-01`) }),
  },
  'GET /api/households/:householdId/children/:id/living-iep.md': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/living-iep.md?asOf=2026-10-01`) }),
  },
  'GET /api/households/:householdId/children/:id/living-iep.pdf': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/living-iep.pdf?asOf=2026-10-01`) }),
  },
  'PUT /api/households/:householdId/children/:id/living-iep/notes': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/living-iep/notes`),
      body: { concerns: 'I worry about reading.', changes: ['Move reading'], questions: [] },
    }),
  },
  'GET /api/households/:householdId/export': {
    expect: NOT_VIEWER,
    make: async (f) => ({ url: h(f, '/export') }),
  },
  'POST /api/import': {
    expect: SIGNED_IN,
    make: async () => {
      const id = newId();
      const empty = [
        'children',
        'plans',
        'planVersions',
        'services',
        'accommodations',
        'goals',
        'behaviorSteps',
        'keyDates',
        'teamContacts',
        'calendars',
        'calendarEvents',
        'accommodationObservations',
        'behaviorIncidents',
        'classPeriods',
        'goalProgress',
        'sessionEntries',
        'journal',
      ];
      return {
        url: '/api/import',
        body: {
          format: 'as-written/1',
          exportedAt: '2026-11-29T00:00:00.000Z',
          household: { id, name: 'Imported', createdAt: '2026-11-29T00:00:00.000Z' },
          ...Object.fromEntries(empty.map((k) => [k, []])),
        },
      };
    },
  },
  ...resourceRows(),
  'GET /api/households/:householdId/plans/:id/versions': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/plans/${f.planId}/versions`) }),
  },
  'GET /api/households/:householdId/plans/:id/versions/:versionNumber': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/plans/${f.planId}/versions/1`) }),
  },
  'POST /api/households/:householdId/plans/:id/amendments': {
    expect: PARENTS_WRITE,
    make: async (f) => {
      const plan = await owner(f, 'POST', '/plans', RESOURCE_BODIES.plans!(f));
      return {
        url: h(f, `/plans/${plan.id}/amendments`),
        body: { effectiveFrom: '2027-01-04', summary: 'Amended at the meeting' },
      };
    },
  },
  'POST /api/households/:householdId/sessions': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, '/sessions'), body: { serviceId: f.serviceA, date: '2026-09-15' } }),
  },
  'GET /api/households/:householdId/sessions': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/sessions') }),
  },
  'GET /api/households/:householdId/sessions/:id': {
    expect: MEMBERS_READ,
    make: async (f) => ({
      url: h(
        f,
        `/sessions/${(await owner(f, 'POST', '/sessions', { serviceId: f.serviceA, date: '2026-09-16' })).id}`,
      ),
    }),
  },
  'PATCH /api/households/:householdId/sessions/:id': {
    expect: PARENTS_WRITE,
    make: async (f) => {
      const miss = await owner(f, 'POST', '/sessions', {
        serviceId: f.serviceA,
        date: '2026-09-17',
        status: 'missed',
        reason: 'unknown',
      });
      return { url: h(f, `/sessions/${miss.id}`), body: { responsibility: 'owed' } };
    },
  },
  'GET /api/households/:householdId/services/:id/ledger': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/services/${f.serviceA}/ledger?from=2026-09-01&to=2026-10-31`) }),
  },
  'GET /api/households/:householdId/children/:id/ledger': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/ledger?from=2026-09-01&to=2026-10-31`) }),
  },
  'GET /api/households/:householdId/children/:id/patterns': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/patterns?from=2026-09-01&to=2026-10-31`) }),
  },
  'POST /api/households/:householdId/sessions/:id/corrections': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(
        f,
        `/sessions/${(await owner(f, 'POST', '/sessions', { serviceId: f.serviceA, date: '2026-09-17' })).id}/corrections`,
      ),
      body: { action: 'void', note: 'Logged by mistake' },
    }),
  },
  'GET /api/households/:householdId/services/:id/makeup-options': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/services/${f.serviceA}/makeup-options`) }),
  },
  'POST /api/households/:householdId/services/:id/week-delivered': {
    expect: PARENTS_WRITE,
    // A fresh service each time, so every caller that may log finds the week's sessions still open.
    make: async (f) => ({
      url: h(f, `/services/${(await owner(f, 'POST', '/services', serviceBody(f))).id}/week-delivered`),
      body: { dates: ['2026-11-23'] },
    }),
  },
  'GET /api/reference/missed-sessions': {
    expect: SIGNED_IN,
    make: async () => ({ url: '/api/reference/missed-sessions' }),
  },
  'POST /api/service-lines/parse': {
    expect: SIGNED_IN,
    make: async () => ({
      url: '/api/service-lines/parse',
      body: { text: 'Speech-language therapy, 30 minutes 2 times per week, pull-out' },
    }),
  },
  'GET /api/households/:householdId/members': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/members') }),
  },
  'PATCH /api/households/:householdId/members/:userId': {
    expect: OWNER_ONLY,
    make: async (f) => ({
      url: h(f, `/members/${await freshMember(f, 'viewer')}`),
      body: { role: 'advocate' },
    }),
  },
  'DELETE /api/households/:householdId/members/:userId': {
    expect: OWNER_ONLY,
    make: async (f) => ({ url: h(f, `/members/${await freshMember(f, 'viewer')}?staffLinks=transfer`) }),
  },
  'POST /api/households/:householdId/leave': {
    // Every member may leave; a stand-in of the caller's role leaves, so the fixture's callers stay.
    expect: MEMBERS_READ,
    make: async (f, caller) => ({ url: h(f, '/leave'), as: await standIn(f, caller) }),
  },
  'POST /api/households/:householdId/invitations': {
    expect: OWNER_ONLY,
    make: async (f) => ({
      url: h(f, '/invitations'),
      body: { email: `new-${newId()}@example.org`, role: 'co_parent' },
    }),
  },
  'GET /api/households/:householdId/invitations': {
    expect: OWNER_ONLY,
    make: async (f) => ({ url: h(f, '/invitations') }),
  },
  'DELETE /api/households/:householdId/invitations/:id': {
    expect: OWNER_ONLY,
    make: async (f) => ({
      url: h(
        f,
        `/invitations/${(await owner(f, 'POST', '/invitations', { email: `x-${newId()}@example.org`, role: 'viewer' })).id}`,
      ),
    }),
  },
  'POST /api/households/:householdId/staff-links': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, '/staff-links'), body: { serviceId: f.serviceA, label: 'Mr. Chen' } }),
  },
  'GET /api/households/:householdId/staff-links': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, '/staff-links') }),
  },
  'POST /api/households/:householdId/staff-links/:id/revoke': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(
        f,
        `/staff-links/${(await owner(f, 'POST', '/staff-links', { serviceId: f.serviceB })).id}/revoke`,
      ),
    }),
  },
  'GET /api/households/:householdId/audit': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/audit') }),
  },
  'POST /api/households/:householdId/attachments': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, '/attachments?filename=note.txt'),
      body: Buffer.from(`What Emma said on the way home, ${newId()}\n`),
    }),
  },
  'GET /api/households/:householdId/attachments': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/attachments') }),
  },
  'GET /api/households/:householdId/attachments/:id': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/attachments/${f.attachmentId}`) }),
  },
  'GET /api/households/:householdId/attachments/:id/content': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/attachments/${f.attachmentId}/content`) }),
  },
  'GET /api/households/:householdId/attachments/:id/thumbnail': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/attachments/${f.attachmentId}/thumbnail`) }),
  },
  'DELETE /api/households/:householdId/attachments/:id': {
    expect: OWNER_ONLY,
    make: async (f) => {
      const res = await call(
        f.env,
        'POST',
        h(f, '/attachments?filename=draft.txt'),
        Buffer.from(`A draft ${newId()}\n`),
      );
      return { url: h(f, `/attachments/${(res.body as { attachment: { id: string } }).attachment.id}`) };
    },
  },
  'GET /api/households/:householdId/children/:id/check-in-questions': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/check-in-questions?date=2026-09-17`) }),
  },
  'POST /api/households/:householdId/check-ins': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, '/check-ins'), body: checkInBody(f) }),
  },
  'GET /api/households/:householdId/check-ins': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/check-ins?childId=${f.childId}`) }),
  },
  'GET /api/households/:householdId/check-ins/:id': {
    expect: MEMBERS_READ,
    make: async (f) => ({
      url: h(f, `/check-ins/${(await owner(f, 'POST', '/check-ins', checkInBody(f))).id}`),
    }),
  },
  'POST /api/households/:householdId/communications/import': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/communications/import?childId=${f.childId}&filename=note.eml`),
      body: Buffer.from(
        `From: Ms. Alvarez <alvarez@school.example.org>\r\nTo: owner@example.org\r\nSubject: Re: speech\r\nDate: Tue, 22 Sep 2026 15:04:00 -0500\r\nMessage-ID: <${newId()}@school.example.org>\r\n\r\nThank you, I will check the log.\r\n`,
      ),
    }),
  },
  // A large import runs as a job (more than one batch of messages): every member may follow it.
  'GET /api/households/:householdId/jobs/:id': {
    expect: MEMBERS_READ,
    make: async (f) => {
      const withJob = f as Fixture & { jobId?: string };
      withJob.jobId ??= (
        await owner(
          f,
          'POST',
          `/communications/import?childId=${f.childId}&filename=big.mbox`,
          largeMailbox(),
        )
      ).id as string;
      return { url: h(f, `/jobs/${withJob.jobId}`) };
    },
  },
  'GET /api/households/:householdId/settings': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/settings') }),
  },
  'PATCH /api/households/:householdId/settings': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, '/settings'), body: { replySchoolDays: 5 } }),
  },
  'GET /api/households/:householdId/children/:id/communication-status': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/communication-status?asOf=2026-10-01`) }),
  },
  'GET /api/households/:householdId/children/:id/letter-choices': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/letter-choices?asOf=2026-10-01`) }),
  },
  'POST /api/households/:householdId/children/:id/letters': {
    expect: NOT_VIEWER,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/letters`),
      body: { request: { kind: 'check_in' } },
    }),
  },
  'GET /api/households/:householdId/letters': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/letters') }),
  },
  'GET /api/households/:householdId/letters/:id': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/letters/${await freshLetter(f)}`) }),
  },
  'GET /api/households/:householdId/letters/:id/version': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/letters/${await freshLetter(f)}/version?language=es`) }),
  },
  'PATCH /api/households/:householdId/letters/:id': {
    expect: NOT_VIEWER,
    make: async (f) => ({ url: h(f, `/letters/${await freshLetter(f)}`), body: { subject: 'Checking in' } }),
  },
  'DELETE /api/households/:householdId/letters/:id': {
    expect: NOT_VIEWER,
    make: async (f) => ({ url: h(f, `/letters/${await freshLetter(f)}`) }),
  },
  'POST /api/households/:householdId/letters/:id/sent': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, `/letters/${await freshLetter(f)}/sent`), body: { date: '2026-09-21' } }),
  },
  'GET /api/households/:householdId/letters/:id/eml': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/letters/${await freshLetter(f)}/eml`) }),
  },
  'POST /api/households/:householdId/tone-check': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, '/tone-check'), body: { text: 'You never answered!!' } }),
  },
  'GET /api/households/:householdId/children/:id/advice': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/advice?asOf=2026-10-01`) }),
  },
  'GET /api/households/:householdId/children/:id/report': {
    expect: NOT_VIEWER,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/report?from=2026-09-08&to=2026-10-30&asOf=2026-11-02`),
    }),
  },
  'GET /api/households/:householdId/children/:id/report.pdf': {
    expect: NOT_VIEWER,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/report.pdf?from=2026-09-08&to=2026-10-30&asOf=2026-11-02`),
    }),
  },
  'POST /api/households/:householdId/calendar-feeds': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, '/calendar-feeds'), body: { childId: f.childId } }),
  },
  'GET /api/households/:householdId/calendar-feeds': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, '/calendar-feeds') }),
  },
  'POST /api/households/:householdId/calendar-feeds/:id/revoke': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(
        f,
        `/calendar-feeds/${(await owner(f, 'POST', '/calendar-feeds', { childId: null })).feed.id}/revoke`,
      ),
    }),
  },
  'POST /api/households/:householdId/children/:id/school-calendar/ics': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/school-calendar/ics?filename=district.ics`),
      body: Buffer.from(
        'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:20261126\r\nSUMMARY:Thanksgiving - No School\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      ),
    }),
  },
  'POST /api/households/:householdId/children/:id/school-calendar/events/batch': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/school-calendar/events/batch`),
      body: {
        events: [{ calendarId: f.calendarId, kind: 'holiday', startDate: '2026-10-09', label: 'In-service' }],
      },
    }),
  },
  'GET /api/households/:householdId/children/:id/district-calendars': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/district-calendars`) }),
  },
  'POST /api/households/:householdId/children/:id/district-calendars': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/district-calendars`),
      body: { address: `${feedBase}/cal.ics?n=${newId()}` },
    }),
  },
  'POST /api/households/:householdId/district-calendars/:id/read': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, `/district-calendars/${await districtCalendar(f)}/read`) }),
  },
  'POST /api/households/:householdId/district-calendars/:id/decisions': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/district-calendars/${await districtCalendar(f)}/decisions`),
      body: { changeId: 'a@test', action: 'dismiss' },
    }),
  },
  'DELETE /api/households/:householdId/district-calendars/:id': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, `/district-calendars/${await districtCalendar(f)}`) }),
  },
  'POST /api/households/:householdId/children/:id/iep-documents': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/iep-documents?filename=iep.pdf`),
      body: IEP_PDF,
    }),
  },
  'GET /api/households/:householdId/children/:id/iep-documents': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/iep-documents`) }),
  },
  'GET /api/households/:householdId/iep-documents/:id': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/iep-documents/${await iepDocument(f)}`) }),
  },
  'GET /api/households/:householdId/iep-documents/:id/file': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/iep-documents/${await iepDocument(f)}/file`) }),
  },
  'GET /api/households/:householdId/iep-documents/:id/pages/:page': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/iep-documents/${await iepDocument(f)}/pages/1`) }),
  },
  'POST /api/households/:householdId/iep-documents/:id/plan': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/iep-documents/${await iepDocument(f)}/plan`),
      body: {
        plan: {
          kind: 'iep',
          jurisdiction: { country: 'US', region: 'IL' },
          effectiveFrom: '2026-09-08',
          effectiveTo: '2027-06-11',
        },
      },
    }),
  },
  'POST /api/households/:householdId/iep-documents/:id/amendment': {
    expect: PARENTS_WRITE,
    make: async (f) => {
      const plan = await owner(f, 'POST', '/plans', RESOURCE_BODIES.plans!(f));
      return {
        url: h(f, `/iep-documents/${await iepDocument(f)}/amendment`),
        body: {
          planId: plan.id,
          effectiveFrom: '2027-01-04',
          accommodations: [{ text: 'Breaks when asked' }],
        },
      };
    },
  },
  'DELETE /api/households/:householdId/iep-documents/:id': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, `/iep-documents/${await iepDocument(f)}`) }),
  },
  'POST /api/households/:householdId/children/:id/service-logs/preview': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/service-logs/preview?filename=log.csv&serviceId=${f.serviceA}`),
      body: SERVICE_LOG_CSV,
    }),
  },
  'POST /api/households/:householdId/children/:id/service-logs': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/children/${f.childId}/service-logs?filename=log.csv&serviceId=${f.serviceA}`),
      body: SERVICE_LOG_CSV,
    }),
  },
  'GET /api/households/:householdId/children/:id/service-logs': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/children/${f.childId}/service-logs`) }),
  },
  'GET /api/households/:householdId/service-logs/:id': {
    expect: MEMBERS_READ,
    make: async (f) => ({ url: h(f, `/service-logs/${await serviceLog(f)}`) }),
  },
  'POST /api/households/:householdId/service-logs/:id/accept': {
    expect: PARENTS_WRITE,
    make: async (f) => ({ url: h(f, `/service-logs/${await serviceLog(f)}/accept`), body: { lines: [2] } }),
  },
  'POST /api/households/:householdId/service-logs/:id/marks': {
    expect: PARENTS_WRITE,
    make: async (f) => ({
      url: h(f, `/service-logs/${await serviceLog(f)}/marks`),
      body: { itemKey: 'line:2', mark: 'asked_about' },
    }),
  },
  'GET /api/calendar/:token': {
    expect: PUBLIC,
    make: async (f) => ({
      url: new URL((await owner(f, 'POST', '/calendar-feeds', { childId: f.childId })).url as string)
        .pathname,
    }),
  },
  'GET /api/staff-link': { expect: STAFF_VIEW, make: async () => ({ url: '/api/staff-link' }) },
  'POST /api/staff-link/sessions': {
    expect: STAFF_OWN_SERVICE,
    make: async (f) => ({
      url: '/api/staff-link/sessions',
      body: { serviceId: f.serviceA, date: '2026-09-22', status: 'delivered' },
    }),
  },
  // Every caller tries to void a session the first link confirmed: only that link may (another link
  // gets 404, like an entry that does not exist).
  'POST /api/staff-link/sessions/:id/corrections': {
    expect: STAFF_OWN_SERVICE,
    make: async (f) => {
      const res = await f.env.app.inject({
        method: 'POST',
        url: '/api/staff-link/sessions',
        headers: { authorization: `Bearer ${f.staffTokens.own}` },
        payload: { serviceId: f.serviceA, date: '2026-09-24', status: 'delivered' },
      });
      if (res.statusCode !== 201) throw new Error(`fixture staff session: ${res.statusCode} ${res.body}`);
      return {
        url: `/api/staff-link/sessions/${JSON.parse(res.body).id}/corrections`,
        body: { action: 'void', note: 'Wrong day' },
      };
    },
  },
};

async function freshLetter(f: Fixture): Promise<string> {
  return (await owner(f, 'POST', `/children/${f.childId}/letters`, { request: { kind: 'check_in' } }))
    .id as string;
}

function checkInBody(f: Fixture) {
  return {
    childId: f.childId,
    date: '2026-09-17',
    answers: [
      {
        kind: 'accommodation',
        questionKey: `accommodation:${f.accommodationId}`,
        ask: 'Did you have a test or a quiz this week? Did you get extra time to finish it?',
        accommodationId: f.accommodationId,
        outcome: 'not_provided',
        setting: 'test',
        childWords: 'We had a sub and everyone had to stop at the bell',
      },
    ],
  };
}

async function request(f: Fixture, method: string, caller: Caller, req: Request) {
  const staffToken =
    caller === 'staff_own' ? f.staffTokens.own : caller === 'staff_other' ? f.staffTokens.other : null;
  if (staffToken) {
    const res = await f.env.app.inject({
      method: method as 'GET',
      url: req.url,
      headers: {
        authorization: `Bearer ${staffToken}`,
        ...(Buffer.isBuffer(req.body) ? { 'content-type': 'application/octet-stream' } : {}),
      },
      ...(req.body === undefined ? {} : { payload: req.body as object }),
    });
    return res.statusCode;
  }
  const principal =
    req.as !== undefined
      ? req.as
      : caller === 'anonymous'
        ? null
        : f.callers[caller as keyof Fixture['callers']];
  return (await call(f.env, method, req.url, req.body, principal)).status;
}

/** A district calendar feed on 127.0.0.1, which the matrix's app is allowed to read (by host:port). */
const ICS_FEED =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:20261126\r\nSUMMARY:Thanksgiving - No School\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
let feedBase = '';

/** A small PDF the matrix brings in as an IEP document. */
const IEP_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A new IEP document of the child's, its reading over (each row that acts on one gets its own). */
async function iepDocument(f: Fixture): Promise<string> {
  const made = await call(
    f.env,
    'POST',
    h(f, `/children/${f.childId}/iep-documents?filename=iep.pdf`),
    IEP_PDF,
  );
  if (made.status !== 202)
    throw new Error(`fixture iep document: ${made.status} ${JSON.stringify(made.body)}`);
  await f.env.app.deps.jobs.idle();
  return made.body.id as string;
}

/** A school service log with one session (issue 19). */
const SERVICE_LOG_CSV = Buffer.from('Date,Minutes,Status\n10/6/2026,30,Delivered\n');

/** A different weekday in September and October for each log made (a row accepted once is in the record). */
let serviceLogDays = 0;
function nextServiceLogDay(): string {
  const day = new Date(Date.UTC(2026, 8, 14));
  for (let weekdays = 0; weekdays < serviceLogDays; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) weekdays++;
  }
  serviceLogDays++;
  return `${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()}`;
}

/** A new service log of the child's, imported by the owner (each row that acts on one gets its own). */
async function serviceLog(f: Fixture): Promise<string> {
  const made = await call(
    f.env,
    'POST',
    h(f, `/children/${f.childId}/service-logs?filename=log.csv&serviceId=${f.serviceA}`),
    Buffer.from(`Date,Minutes,Status\n${nextServiceLogDay()},30,Delivered\n`),
  );
  if (made.status !== 201)
    throw new Error(`fixture service log: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body.import.id as string;
}

/** A new subscription of the child's (each row that acts on one gets its own). */
async function districtCalendar(f: Fixture): Promise<string> {
  const made = await owner(f, 'POST', `/children/${f.childId}/district-calendars`, {
    address: `${feedBase}/cal.ics?n=${newId()}`,
  });
  return made.id as string;
}

describe.each(BACKENDS)('the authorization matrix on %s', (backend) => {
  let f: Fixture;
  let feedServer: http.Server;

  beforeAll(async () => {
    feedServer = http.createServer((_req, res) => res.end(ICS_FEED));
    await new Promise<void>((r) => feedServer.listen(0, '127.0.0.1', r));
    const feedPort = (feedServer.address() as AddressInfo).port;
    feedBase = `http://127.0.0.1:${feedPort}`;
    // IEP documents are not read here (the reader is stopped at once: the documents fail, which is all
    // the matrix needs; test/integration/iep-documents.test.ts reads them).
    const env = await openTestEnv(backend, undefined, {
      fetchPolicy: { allowHosts: [`127.0.0.1:${feedPort}`] },
      iepRead: { timeoutMs: 1 },
      metricsToken: 'the-matrix-metrics-token',
    });
    const hid = env.householdId;
    const base = { env, hid } as Fixture;
    const child = await owner(base, 'POST', '/children', { firstName: 'Emma' });
    const plan = await owner(base, 'POST', '/plans', {
      childId: child.id,
      kind: 'iep',
      jurisdiction: { country: 'US', region: 'IL' },
      effectiveFrom: '2026-09-08',
      effectiveTo: '2027-09-07',
    });
    base.childId = child.id;
    base.planId = plan.id;
    const calendar = await owner(base, 'POST', '/calendars', {
      childId: child.id,
      name: '2026-2027',
      firstDay: '2026-09-08',
      lastDay: '2027-06-11',
    });
    base.calendarId = calendar.id;
    base.accommodationId = (
      await owner(base, 'POST', '/accommodations', { planId: plan.id, text: 'Extended time' })
    ).id;
    base.goalId = (
      await owner(base, 'POST', '/goals', { planId: plan.id, area: 'Reading', text: 'Read 90 wcpm' })
    ).id;
    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 40, b: 40 } },
    })
      .png()
      .toBuffer();
    base.attachmentId = (
      (await call(env, 'POST', h(base, '/attachments?filename=spelling-test.png'), png)).body as {
        attachment: { id: string };
      }
    ).attachment.id;
    base.serviceA = (await owner(base, 'POST', '/services', { ...serviceBody(base), name: 'Speech' })).id;
    base.serviceB = (await owner(base, 'POST', '/services', { ...serviceBody(base), name: 'OT' })).id;
    const own = await owner(base, 'POST', '/staff-links', { serviceId: base.serviceA });
    const other = await owner(base, 'POST', '/staff-links', { serviceId: base.serviceB });
    base.staffTokens = { own: own.link.split('#token=')[1], other: other.link.split('#token=')[1] };
    base.roles = { owner: 'owner', co_parent: 'co_parent', advocate: 'advocate', viewer: 'viewer' };
    const outsider = await createAccount(env, 'outsider@example.org');
    await call(env, 'POST', '/api/households', { name: 'Outsider family' }, outsider);
    base.callers = {
      owner: env.owner,
      outsider,
      co_parent: await createAccount(env, 'co@example.org', { householdId: hid, role: 'co_parent' }),
      advocate: await createAccount(env, 'advocate@example.org', { householdId: hid, role: 'advocate' }),
      viewer: await createAccount(env, 'viewer@example.org', { householdId: hid, role: 'viewer' }),
    };
    f = base;
  });
  afterAll(async () => {
    feedServer?.closeAllConnections();
    await new Promise((r) => feedServer?.close(r));
    await f?.env.close();
  });

  it('has a row for every route the server serves', () => {
    const served = f.env.app.deps.routes.map((r) => `${r.method} ${r.url}`);
    const missing = served.filter((key) => !(key in ROWS));
    expect(missing, 'routes without an authorization row').toEqual([]);
    const stale = Object.keys(ROWS).filter((key) => !served.includes(key));
    expect(stale, 'rows for routes that no longer exist').toEqual([]);
  });

  it('lists in the caseload only the households where the caller is an owner or an advocate', async () => {
    const households = async (as: Principal) =>
      (
        (await call(f.env, 'GET', '/api/caseload', undefined, as)).body as {
          householdId: string;
          role: string;
        }[]
      )
        .map((r) => `${r.role} ${r.householdId === f.hid ? 'this household' : 'another'}`)
        .sort();
    expect(await households(f.callers.advocate)).toEqual(['advocate this household']);
    expect(await households(f.callers.viewer)).toEqual([]);
    expect(await households(f.callers.co_parent)).toEqual([]);
    expect(await households(f.callers.outsider)).toEqual(['owner another']);
    const nobody = await createAccount(f.env, 'nobody@example.org');
    expect((await call(f.env, 'GET', '/api/caseload', undefined, nobody)).body).toEqual([]);
  });

  it('answers every caller of every route as the matrix says', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    for (const [key, row] of Object.entries(ROWS)) {
      const method = key.split(' ')[0]!;
      for (const caller of CALLERS) {
        const req = await row.make(f, caller);
        const status = await request(f, method, caller, req);
        const want = row.expect[caller];
        const ok = want === 'ok' ? status >= 200 && status < 300 : status === want;
        if (!ok) failures.push(`${key} as ${caller}: got ${status}, want ${want}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('stores tokens only as hashes', async () => {
    const rows = await f.env.store.db.selectFrom('access_token').select(['token_hash']).execute();
    expect(rows.length).toBeGreaterThan(0);
    const plain = f.staffTokens.own;
    expect(rows.some((r) => r.token_hash === hashToken(plain))).toBe(true);
    expect(rows.some((r) => r.token_hash === plain)).toBe(false);
  });
});
