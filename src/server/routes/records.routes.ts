import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, errors, HouseholdParams, RecordParams } from '../../api/common.ts';
import { RECORDS, type RecordPath, VoidInput } from '../../api/records.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import { AppError } from '../errors.ts';
import { alignFirstVersion, createFirstVersion } from '../services/plan-versions.ts';
import {
  createRecord,
  deleteRecord,
  getRecord,
  listRecords,
  setRecordVoided,
  updateRecord,
} from '../services/records.ts';
import { RESOURCES, type ResourceDef } from '../services/resources.ts';
import { contextFor, servedAs, typed } from './shared.ts';

export function registerRecordRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  for (const def of Object.values(RESOURCES) as ResourceDef[]) {
    const base = `/households/:householdId/${def.path}`;
    const contract = RECORDS[def.path as RecordPath];
    // The contract and the record service must describe the same record: one fields schema, the same
    // list filters (a mismatch is a programming error, caught when the server starts).
    const filters = [...def.filters, ...Object.keys(def.containsFilters ?? {})];
    if (
      !contract ||
      contract.fields !== def.fields ||
      filters.join() !== Object.keys(contract.query.shape).join()
    )
      throw new Error(`the API contract (src/api/records.ts) does not match the record type ${def.path}`);
    const Output = contract.output;
    const hooks = {
      afterCreate: def.entity === 'plan' ? createFirstVersion : undefined,
      afterUpdate: def.entity === 'plan' ? alignFirstVersion : undefined,
    };
    const lower = def.label.toLowerCase();

    api.post(
      base,
      {
        config: { access: access.household('plan.write') },
        schema: {
          tags: [def.tag],
          summary: `Create a ${lower}`,
          params: HouseholdParams,
          body: contract.fields,
          response: { 201: Output, ...errors },
        },
      },
      async (request, reply) => {
        const ctx = contextFor(deps, request);
        // The service validates the raw body again with the full (cross-field) rules.
        const created = await createRecord(
          deps.store,
          ctx,
          def,
          request.body,
          hooks.afterCreate ? (trx, rec) => hooks.afterCreate!(trx, ctx, rec) : undefined,
        );
        return reply.status(201).send(servedAs(Output, created));
      },
    );

    api.get(
      base,
      {
        config: { access: access.household('plan.read') },
        schema: {
          tags: [def.tag],
          summary: `List ${lower} records`,
          params: HouseholdParams,
          querystring: contract.query,
          response: { 200: z.array(Output), ...errors },
        },
      },
      async (request) => {
        const list = await listRecords(
          deps.store,
          request.params.householdId,
          def,
          request.query as Record<string, string>,
        );
        return servedAs(z.array(Output), list);
      },
    );

    api.get(
      `${base}/:id`,
      {
        config: { access: access.household('plan.read') },
        schema: {
          tags: [def.tag],
          summary: `Read a ${lower}`,
          params: RecordParams,
          response: { 200: Output, ...errors },
        },
      },
      async (request) =>
        servedAs(Output, await getRecord(deps.store, request.params.householdId, def, request.params.id)),
    );

    api.patch(
      `${base}/:id`,
      {
        config: { access: access.household('plan.write') },
        schema: {
          tags: [def.tag],
          summary: `Change some fields of a ${lower}`,
          params: RecordParams,
          body: contract.patch,
          response: { 200: Output, ...errors },
        },
      },
      async (request) => {
        const ctx = contextFor(deps, request);
        const updated = await updateRecord(
          deps.store,
          ctx,
          def,
          request.params.id,
          request.body,
          hooks.afterUpdate ? (trx, before, after) => hooks.afterUpdate!(trx, ctx, before, after) : undefined,
        );
        return servedAs(Output, updated);
      },
    );

    if (def.voidable) {
      api.post(
        `${base}/:id/void`,
        {
          // Whoever may change the record may void it; deleting stays the owner's (record.delete).
          config: { access: access.household('plan.write') },
          schema: {
            tags: [def.tag],
            summary: `Void a ${lower} logged by mistake, or undo the void (the record stays, flagged, and counts nowhere while voided)`,
            params: RecordParams,
            body: VoidInput,
            response: { 200: Output, ...errors, 409: ErrorResponse },
          },
        },
        async (request) =>
          servedAs(
            Output,
            await setRecordVoided(
              deps.store,
              contextFor(deps, request),
              def,
              request.params.id,
              request.body,
            ),
          ),
      );
    }

    if (def.deletable) {
      api.delete(
        `${base}/:id`,
        {
          config: { access: access.household('record.delete') },
          schema: {
            tags: [def.tag],
            summary: `Delete a ${lower} (the journal keeps what it was)`,
            params: RecordParams,
            response: { 204: z.null(), 404: ErrorResponse, 409: ErrorResponse },
          },
        },
        async (request, reply) => {
          const ctx = contextFor(deps, request);
          await deleteRecord(deps.store, ctx, def, request.params.id, async (trx, record) => {
            if (def.entity !== 'service') return;
            const used = await trx
              .selectFrom('session_entry')
              .select('id')
              .where('household_id', '=', ctx.householdId)
              .where('service_id', '=', record.id)
              .executeTakeFirst();
            if (used) {
              throw new AppError(
                'conflict',
                'This service has session entries, so it stays in the record; change its end date, or amend the plan, instead',
              );
            }
          });
          return reply.status(204).send(null);
        },
      );
    }
  }
}
