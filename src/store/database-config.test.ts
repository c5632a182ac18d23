import { describe, expect, it } from 'vitest';
import { databaseConfigFromEnv } from './database.ts';

describe('the database chosen by the environment', () => {
  it('is the SQLite file unless DATABASE_URL names a PostgreSQL server', () => {
    expect(databaseConfigFromEnv({})).toEqual({ kind: 'sqlite', file: './data/as-written.db' });
    expect(databaseConfigFromEnv({ AS_WRITTEN_DB: ' /srv/aw.db ' })).toEqual({
      kind: 'sqlite',
      file: '/srv/aw.db',
    });
    expect(databaseConfigFromEnv({ DATABASE_URL: 'postgres://aw@db:5432/aw' })).toEqual({
      kind: 'postgres',
      url: 'postgres://aw@db:5432/aw',
    });
    expect(() => databaseConfigFromEnv({ DATABASE_URL: 'mysql://aw@db/aw' })).toThrow(
      /DATABASE_URL must start/,
    );
  });

  it('prepares PostgreSQL statements unless AS_WRITTEN_PG_PREPARED_STATEMENTS is off', () => {
    const url = 'postgres://aw@db:5432/aw';
    expect(databaseConfigFromEnv({ DATABASE_URL: url, AS_WRITTEN_PG_PREPARED_STATEMENTS: 'on' })).toEqual({
      kind: 'postgres',
      url,
    });
    expect(databaseConfigFromEnv({ DATABASE_URL: url, AS_WRITTEN_PG_PREPARED_STATEMENTS: ' OFF ' })).toEqual({
      kind: 'postgres',
      url,
      preparedStatements: false,
    });
    expect(() =>
      databaseConfigFromEnv({ DATABASE_URL: url, AS_WRITTEN_PG_PREPARED_STATEMENTS: 'no' }),
    ).toThrow(/AS_WRITTEN_PG_PREPARED_STATEMENTS must be on or off/);
  });
});
