// The one error table lives in the pure domain (src/domain/errors.ts), so storage, reports and the
// domain throw the same AppError without reaching up into the HTTP layer. The server maps its codes
// to statuses (HTTP_STATUS) in one error handler.

// A refusal a person reads, worded from the catalog part `apierror` (issue 17).
export * from '../domain/api-errors.ts';
export * from '../domain/errors.ts';
