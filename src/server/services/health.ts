import { pingStore, type Store } from '../../store/database.ts';

/** Whether the database answers a trivial query (GET /health). */
export async function databaseReachable(store: Store): Promise<boolean> {
  try {
    await pingStore(store);
    return true;
  } catch {
    return false;
  }
}
