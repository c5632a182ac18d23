// The API contract: the zod schemas of every route's params, query, body and responses, by area.
// The routes validate and serialise with them, the OpenAPI document at /api/openapi.json is generated
// from them, and the web client takes its types from them. It imports only zod, the pure domain
// (src/domain) and itself: never the server, the store or the reports' gathering code.

export * from './attachments.ts';
export * from './auth.ts';
export * from './calendar.ts';
export * from './calendar-import.ts';
export * from './caseload.ts';
export * from './check-ins.ts';
export * from './common.ts';
export * from './communications.ts';
export * from './district-calendars.ts';
export * from './health.ts';
export * from './households.ts';
export * from './iep-documents.ts';
export * from './jobs.ts';
export * from './ledger.ts';
export * from './letters.ts';
export * from './living-iep.ts';
export * from './members.ts';
export * from './plans.ts';
export * from './records.ts';
export * from './reports.ts';
export * from './service-logs.ts';
export * from './sessions.ts';
export * from './staff-links.ts';
