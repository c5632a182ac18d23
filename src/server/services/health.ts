import { MIGRATIONS, migrationState, pingStore, type Store } from '../../store/database.ts';

/** Whether the database answers a trivial query (GET /health). */
export async function databaseReachable(store: Store): Promise<boolean> {
  try {
    await pingStore(store);
    return true;
  } catch {
    return false;
  }
}

export type Readiness = { ok: true; migration: string } | { ok: false; message: string };

/**
 * Whether this process should be sent requests (GET /ready): not shutting down, the database
 * reachable, and its migrations exactly the ones this version knows (none pending; none unknown,
 * which would mean a newer version migrated it: this process should be replaced, not sent traffic).
 */
export async function readiness(store: Store, lifecycle: { draining: boolean }): Promise<Readiness> {
  if (lifecycle.draining) return { ok: false, message: 'The server is shutting down' };
  let state: Awaited<ReturnType<typeof migrationState>>;
  try {
    state = await migrationState(store);
  } catch {
    return { ok: false, message: 'The database is not reachable' };
  }
  if (state.pending.length > 0)
    return {
      ok: false,
      message: `The database has not run ${state.pending.length} migration(s) of this version (first: ${state.pending[0]})`,
    };
  if (state.unknown.length > 0)
    return {
      ok: false,
      message: `The database has run migration(s) this version does not know (a newer version?): ${state.unknown.join(', ')}`,
    };
  return { ok: true, migration: Object.keys(MIGRATIONS).at(-1) ?? '' };
}
