// The one error table lives in the pure domain (src/domain/errors.ts), so storage, reports and the
// domain throw the same AppError without reaching up into the HTTP layer. The server maps its codes
// to statuses (HTTP_STATUS) in one error handler.
export * from '../domain/errors.ts';
