import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../scripts/crash-test.ts';
import { BACKENDS, TEST_DATABASE_URL } from './harness.ts';

// kill -9 the real server while it writes, a few times (the long run is `npm run crash-test`): every
// acknowledged write survives, the database passes its integrity check, the journal verifies.

describe.each(BACKENDS)('a server killed while writing, on %s', (backend) => {
  it('keeps every acknowledged write, and its journal verifies', { timeout: 120_000 }, async () => {
    const report = await runCrashTest({ rounds: 3, backend, postgresUrl: TEST_DATABASE_URL });
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.lost).toBe(0);
    expect(report.found).toBe(report.acknowledged);
    expect(report.integrity).toBe('ok');
    expect(report.journalVerifies).toBe(true);
    // Every note written is one journal entry (plus the household and the child).
    expect(report.journalEntries).toBe(report.acknowledged + report.inFlightLanded + 2);
  });
});
