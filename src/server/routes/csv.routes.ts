import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ChildFilter, errors, HouseholdParams } from '../../api/common.ts';
import { toCsv } from '../../reports/csv.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { communicationStatus } from '../services/communication-status.ts';
import { listRecords } from '../services/records.ts';
import { RESOURCES } from '../services/resources.ts';
import { sessionLogCsv } from '../services/session-log-csv.ts';
import { typed } from './shared.ts';

// Spreadsheet exports of the day-to-day records: sessions, accommodation observations and the
// communication log, for one child or the whole household.

function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(csv);
}

export function registerCsvRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  const schema = (summary: string) => ({
    tags: ['Exports'],
    summary,
    params: HouseholdParams,
    querystring: ChildFilter,
    response: { 200: z.string(), ...errors },
  });
  const names = async (
    householdId: string,
    table: 'service' | 'accommodation' | 'team_contact' | 'child',
  ) => {
    const rows = (await deps.store.db
      .selectFrom(table)
      .selectAll()
      .where('household_id', '=', householdId)
      .execute()) as { id: string; name?: string; text?: string; first_name?: string }[];
    return new Map(rows.map((r) => [r.id, r.name ?? r.text ?? r.first_name ?? '']));
  };

  api.get(
    '/households/:householdId/exports/sessions.csv',
    { config: { access: access.household('export') }, schema: schema('Every session entry, as CSV') },
    async (request, reply) => {
      return sendCsv(
        reply,
        'sessions.csv',
        await sessionLogCsv(deps.store.db, request.params.householdId, request.query.childId),
      );
    },
  );

  api.get(
    '/households/:householdId/exports/observations.csv',
    {
      config: { access: access.household('export') },
      schema: schema('Every accommodation observation, as CSV'),
    },
    async (request, reply) => {
      const hid = request.params.householdId;
      const accommodations = await names(hid, 'accommodation');
      const owner = new Map(
        (
          await deps.store.db
            .selectFrom('accommodation')
            .innerJoin('plan', (join) =>
              join
                .onRef('plan.id', '=', 'accommodation.plan_id')
                .onRef('plan.household_id', '=', 'accommodation.household_id'),
            )
            .select(['accommodation.id', 'plan.child_id'])
            .where('accommodation.household_id', '=', hid)
            .execute()
        ).map((r) => [r.id, r.child_id]),
      );
      const rows = (await listRecords(deps.store, hid, RESOURCES.accommodationObservation, {})).filter(
        (o) => !request.query.childId || owner.get(o.accommodationId as string) === request.query.childId,
      );
      return sendCsv(
        reply,
        'observations.csv',
        toCsv(rows, [
          { header: 'date', value: (o) => o.date as string },
          { header: 'accommodation', value: (o) => accommodations.get(o.accommodationId as string) },
          { header: 'no school that day (confirmed)', value: (o) => (o.nonSchoolDayConfirmed ? 'yes' : '') },
          { header: 'outcome', value: (o) => o.outcome as string },
          { header: 'class', value: (o) => o.className as string | null },
          { header: 'setting', value: (o) => o.setting as string | null },
          { header: 'teaching', value: (o) => o.teacherKind as string },
          { header: 'staff', value: (o) => o.staffName as string | null },
          { header: 'source', value: (o) => o.source as string },
          { header: 'note', value: (o) => o.note as string | null },
          { header: 'files', value: (o) => (o.attachmentIds as string[]).length },
          { header: 'voided at', value: (o) => o.voidedAt as string | null },
          { header: 'void note', value: (o) => o.voidNote as string | null },
          { header: 'observation id', value: (o) => o.id },
        ]),
      );
    },
  );

  api.get(
    '/households/:householdId/exports/communications.csv',
    {
      config: { access: access.household('export') },
      schema: schema('The communication log with reply states as of today, as CSV'),
    },
    async (request, reply) => {
      const hid = request.params.householdId;
      const contacts = await names(hid, 'team_contact');
      const children = await names(hid, 'child');
      const rows = await listRecords(deps.store, hid, RESOURCES.communication, {
        childId: request.query.childId,
      });
      const states = new Map<string, string>();
      for (const childId of new Set(rows.map((r) => r.childId as string))) {
        const status = await communicationStatus(deps.store, hid, childId, deps.clock.today());
        for (const m of status.messages) states.set(m.id, m.reply.state);
      }
      return sendCsv(
        reply,
        'communications.csv',
        toCsv(rows, [
          { header: 'date', value: (c) => c.date as string },
          { header: 'time', value: (c) => c.time as string | null },
          { header: 'child', value: (c) => children.get(c.childId as string) },
          { header: 'kind', value: (c) => c.kind as string },
          { header: 'direction', value: (c) => c.direction as string },
          {
            header: 'with',
            value: (c) => (c.contactIds as string[]).map((id) => contacts.get(id) ?? id).join('; '),
          },
          { header: 'others', value: (c) => c.otherParties as string | null },
          { header: 'subject', value: (c) => c.subject as string | null },
          { header: 'summary', value: (c) => c.summary as string },
          { header: 'decisions', value: (c) => c.decisions as string | null },
          { header: 'next steps', value: (c) => c.nextSteps as string | null },
          // For a call or a meeting: whether the parent agreed to what was proposed (unknown when not asked).
          { header: 'your position', value: (c) => c.parentPosition as string },
          { header: 'reply expected by', value: (c) => c.replyExpectedBy as string | null },
          { header: 'answer promised by', value: (c) => c.holdingUntil as string | null },
          { header: 'reply', value: (c) => (c.voidedAt ? 'voided' : (states.get(c.id) ?? '')) },
          { header: 'voided at', value: (c) => c.voidedAt as string | null },
          { header: 'void note', value: (c) => c.voidNote as string | null },
          { header: 'in reply to', value: (c) => c.inReplyToId as string | null },
          { header: 'message id', value: (c) => c.id },
        ]),
      );
    },
  );
}
