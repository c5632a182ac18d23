import { uuidv7 } from '../store/ids.ts';

/**
 * Everything a service needs from the outside world besides the database: who is acting, and
 * the clock and id source (injected, so tests can freeze them).
 */
export type Clock = {
  /** The current instant, ISO-8601 UTC. */
  now(): string;
  /** Today's school date, YYYY-MM-DD, in the server's time zone. */
  today(): string;
};

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: () => {
    const d = new Date();
    const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
    return local.toISOString().slice(0, 10);
  },
};

export function fixedClock(instant: string): Clock {
  return { now: () => instant, today: () => instant.slice(0, 10) };
}

export type Actor = { kind: 'cli' | 'user' | 'staff_link' | 'system'; id: string };

export type ServiceContext = {
  householdId: string;
  actor: Actor;
  clock: Clock;
  newId(): string;
};

export function idSource(clock: Clock): () => string {
  return () => uuidv7(Date.parse(clock.now()));
}

export function actorLabel(actor: Actor): string {
  return `${actor.kind}:${actor.id}`;
}
