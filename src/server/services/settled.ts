// Reads that do not need one another's answers are asked for together (`Promise.allSettled`): on
// PostgreSQL each waits on the server, and the pool's connections answer them side by side; on SQLite
// they run one after another as before. Their answers are then taken one by one with `settled`, in the
// order the caller's checks make them, so a caller throws the same error whichever read finished first.

/** A read's answer, or its error thrown, from `Promise.allSettled`. */
export function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/**
 * A read asked for now and taken later with `settled(await …)`: its error waits to be taken in order
 * rather than being unhandled meanwhile. For reads whose answers are needed at different times (the
 * case record asks for the plan's content as soon as the plan is known, before the other reads are in).
 */
export function asked<T>(read: Promise<T> | T): Promise<PromiseSettledResult<T>> {
  return Promise.resolve(read).then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
}
