// The states and provinces a plan may name: one list, in the domain.
export { CA_PROVINCES, regionsOf, US_STATES } from '../../../src/domain/regions.ts';
