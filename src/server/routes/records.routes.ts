import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ErrorResponse, errors, HouseholdParams, RecordParams } from '../../api/common.ts';
import { RECORDS, type RecordPageQuery, type RecordPath, VoidInput } from '../../api/records.ts';
import type { AppDeps } from '../app.ts';
import { access } from '../auth/access.ts';
import {
  createRecord,
  deleteRecord,
  getRecord,
  listRecordsPage,
  setRecordVoided,
  updateRecord,
} from '../services/records.ts';
import { RESOURCES, type RecordOf, type ResourceDef } from '../services/resources.ts';
import { sendPage } from './pagination.ts';
import { contextFor, typed } from './shared.ts';

type TypedApi = ReturnType<typeof typed>;

export function registerRecordRoutes(app: FastifyInstance, deps: AppDeps) {
  const api = typed(app);
  for (const def of Object.values(RESOURCES)) registerRecordType(api, deps, def);
}

/**
 * The routes of one record type, generic in its URL segment `P`: the definition and the contract
 * are both P's, and the record service gives P's record (`RecordOf<P>`, the output of P's contract
 * schema), so every answer is checked when this compiles, with no cast. Fastify's reply typing
 * cannot follow a type that depends on P (it defers it), so it sees P's schemas as any record type's
 * (the union over all types) and checks an answer against that union; each handler's return type
 * names `RecordOf<P>`, so an answer of another type (another definition's record) fails too. The
 * response serialiser still checks every record against P's schema as it is sent.
 */
function registerRecordType<P extends RecordPath>(api: TypedApi, deps: AppDeps, def: ResourceDef<P>) {
  const base = `/households/:householdId/${def.path}`;
  const contract = RECORDS[def.path];
  // The contract and the record service must describe the same record: one fields schema, the same
  // list filters (a mismatch is a programming error, caught when the server starts).
  const filters = [...def.filters, ...Object.keys(def.containsFilters ?? {})];
  if (!contract || contract.fields !== def.fields || filters.join() !== contract.filters.join())
    throw new Error(`the API contract (src/api/records.ts) does not match the record type ${def.path}`);
  const Output = contract.output;
  // Who may create, change and void records of this type: the definition says (parent notes take
  // `note.write`, which advocates have); reading is every member's, deleting the owner's.
  const write = access.household(def.permission);
  const lower = def.label.toLowerCase();

  api.post(
    base,
    {
      config: { access: write },
      schema: {
        tags: [def.tag],
        summary: `Create a ${lower}`,
        params: HouseholdParams,
        body: contract.fields,
        response: { 201: Output, ...errors },
      },
    },
    async (request, reply) => {
      // The service validates the raw body again with the full (cross-field) rules, and runs the
      // definition's own hooks (a plan's first version) in the same transaction.
      const created: RecordOf<P> = await createRecord(
        deps.store,
        contextFor(deps, request),
        def,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  api.get(
    base,
    {
      config: { access: access.household('plan.read') },
      schema: {
        tags: [def.tag],
        summary: `List ${lower} records, a page at a time`,
        params: HouseholdParams,
        querystring: contract.query,
        response: { 200: z.array(Output), ...errors },
      },
    },
    async (request, reply): Promise<RecordOf<P>[]> => {
      const { limit, cursor, order, ...filters } = request.query as z.output<typeof RecordPageQuery> &
        Record<string, string | undefined>;
      const page = await listRecordsPage(deps.store, request.params.householdId, def, filters, {
        limit,
        cursor,
        order,
      });
      return sendPage(request, reply, page);
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
    async (request): Promise<RecordOf<P>> =>
      getRecord(deps.store, request.params.householdId, def, request.params.id),
  );

  api.patch(
    `${base}/:id`,
    {
      config: { access: write },
      schema: {
        tags: [def.tag],
        summary: `Change some fields of a ${lower}`,
        params: RecordParams,
        body: contract.patch,
        response: { 200: Output, ...errors },
      },
    },
    async (request): Promise<RecordOf<P>> =>
      updateRecord(deps.store, contextFor(deps, request), def, request.params.id, request.body),
  );

  if (def.voidable) {
    api.post(
      `${base}/:id/void`,
      {
        // Whoever may change the record may void it; deleting stays the owner's (record.delete).
        config: { access: write },
        schema: {
          tags: [def.tag],
          summary: `Void a ${lower} logged by mistake, or undo the void (the record stays, flagged, and counts nowhere while voided)`,
          params: RecordParams,
          body: VoidInput,
          response: { 200: Output, ...errors, 409: ErrorResponse },
        },
      },
      async (request): Promise<RecordOf<P>> =>
        setRecordVoided(deps.store, contextFor(deps, request), def, request.params.id, request.body),
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
        // The definition may refuse (a service with session entries stays in the record).
        await deleteRecord(deps.store, contextFor(deps, request), def, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }
}
