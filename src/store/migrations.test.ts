import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, REPLAY_DEFAULTS } from './database.ts';

// Every migration says how verify's journal replay treats what it adds (docs/paper-trail.md).

describe('the migrations', () => {
  it('are every file in src/store/migrations, registered in database.ts', () => {
    const files = readdirSync(new URL('./migrations/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(Object.keys(MIGRATIONS).sort()).toEqual(files.sort());
  });

  it.each(Object.entries(MIGRATIONS))('%s says how replay treats it', (_name, migration) => {
    const { replay } = migration as { replay?: unknown };
    expect(typeof replay).toBe('string');
    expect((replay as string).trim().length).toBeGreaterThan(20);
  });

  it('give defaults for fields added to journaled rows as table.field in journal (API) names', () => {
    for (const migration of Object.values(MIGRATIONS)) {
      for (const key of Object.keys(migration.replayDefaults ?? {})) {
        expect(key).toMatch(/^[a-z][a-z_]*\.[a-z][A-Za-z0-9]*$/);
      }
    }
    expect(REPLAY_DEFAULTS['session_entry.startTime']).toBeNull();
    expect(REPLAY_DEFAULTS['goal_progress.attachmentIds']).toEqual([]);
  });
});
