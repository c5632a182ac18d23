// The demo household served on a free port, signed in, for the benchmarks that time the API
// (web.bench.ts, evidence.bench.ts). `close` stops the server and removes its database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoHousehold } from '../src/cli/demo-household.ts';
import { buildApp } from '../src/server/app.ts';
import { fixedClock, idSource } from '../src/server/context.ts';
import { createUser } from '../src/server/services/accounts.ts';
import { openStore } from '../src/store/database.ts';

export async function startDemoServer(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = await openStore({ kind: 'sqlite', file: join(dir, 'bench.db') });
  const clock = fixedClock('2026-10-30T20:00:00.000Z');
  const { user } = await createUser(
    store,
    { clock, newId: idSource(clock) },
    { email: 'bench@example.org', displayName: 'Bench', password: 'bench password 123' },
  );
  const demo = await seedDemoHousehold(store, clock, user.id);
  const app = await buildApp({ store, clock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.org', password: 'bench password 123' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  const close = async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { demo, base, cookie, csrf, close };
}
