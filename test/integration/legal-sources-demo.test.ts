import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { unknownCitations } from '../../src/domain/legal-sources.ts';
import { LETTER_KINDS } from '../../src/domain/letters.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// The demo's record read in every jurisdiction profile, through the API: every recommendation, reminder and
// letter the advisor and the letter writer give, scanned for citations the table of legal sources
// (src/domain/legal-sources.ts, docs/legal-sources.md) does not hold. None may appear.

const PROFILES: { name: string; kind: 'iep' | '504'; country: 'US' | 'CA'; region: string | null }[] = [
  { name: 'US federal', kind: 'iep', country: 'US', region: 'NY' },
  { name: 'California', kind: 'iep', country: 'US', region: 'CA' },
  { name: 'Illinois', kind: 'iep', country: 'US', region: 'IL' },
  { name: 'Arizona', kind: 'iep', country: 'US', region: 'AZ' },
  { name: 'Section 504', kind: '504', country: 'US', region: 'CA' },
  { name: 'Ontario', kind: 'iep', country: 'CA', region: 'ON' },
  { name: 'British Columbia', kind: 'iep', country: 'CA', region: 'BC' },
  { name: 'Alberta', kind: 'iep', country: 'CA', region: 'AB' },
  { name: 'another province', kind: 'iep', country: 'CA', region: 'QC' },
];

/** Every string in a JSON value (titles, reasons, citations, labels, letter bodies and notes). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe.each(BACKENDS)('the demo in every jurisdiction profile, on %s', (backend) => {
  let env: TestEnv;
  let demo: Awaited<ReturnType<typeof seedDemoHousehold>>;
  const api = (path: string) => `/api/households/${demo.householdId}${path}`;
  let accommodationId: string;
  let sentId: string;
  let callId: string;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    accommodationId = (await call(env, 'GET', api(`/accommodations?planId=${demo.planId}`))).body[0].id;
    const messages = (await call(env, 'GET', api(`/communications?childId=${demo.childId}`))).body as {
      id: string;
      kind: string;
      direction: string;
    }[];
    sentId = messages.find((m) => m.direction === 'sent' && m.kind === 'email')!.id;
    callId = messages.find((m) => m.kind === 'phone' || m.kind === 'meeting')!.id;
  });
  afterAll(async () => env.close());

  const requestFor = (kind: string, country: 'US' | 'CA'): Record<string, unknown> => {
    switch (kind) {
      case 'specific_concern':
        return { kind, accommodationId };
      case 'follow_up_unanswered':
        return { kind, communicationId: sentId };
      case 'follow_up_verbal':
        return { kind, communicationId: callId };
      case 'request_service_logs':
      case 'board_appeal':
        return { kind, serviceId: demo.services.speech };
      case 'request_prior_written_notice':
        return { kind, decision: 'to reduce speech therapy to one session a week', communicationId: callId };
      case 'escalation':
        return {
          kind,
          to: country === 'CA' ? 'superintendent' : 'director',
          serviceId: demo.services.speech,
        };
      default:
        return { kind };
    }
  };

  it.each(PROFILES)('$name: no citation missing from the table', async ({ kind, country, region }) => {
    const changed = await call(env, 'PATCH', api(`/plans/${demo.planId}`), {
      kind,
      jurisdiction: { country, region },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const advice = await call(env, 'GET', api(`/children/${demo.childId}/advice`));
    expect(advice.status).toBe(200);
    const texts = strings([advice.body.recommendations, advice.body.reminders]);
    let drafted = 0;
    for (const letterKind of LETTER_KINDS) {
      const res = await call(env, 'POST', api(`/children/${demo.childId}/letters`), {
        request: requestFor(letterKind, country),
      });
      if (res.status === 400 && res.body.error.fields?.[0]?.path === 'request.kind') continue; // not for this plan
      // A letter whose subject the record lacks here (no unanswered message, say) is refused: skip it.
      if (res.status === 400) continue;
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      drafted++;
      texts.push(res.body.subject, res.body.body, ...res.body.notes);
      await call(env, 'DELETE', api(`/letters/${res.body.id}`));
    }
    expect(drafted).toBeGreaterThan(6);
    const unknown = texts.flatMap((t) => unknownCitations(t).map((c) => `${c} in: ${t.slice(0, 100)}`));
    expect(unknown).toEqual([]);
  });
});
