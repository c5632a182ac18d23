import { describe, expect, it } from 'vitest';
import { AppError } from '../domain/errors.ts';
import type { ServiceLogMapping } from '../domain/service-log-read.ts';
import { mappingToRemember } from '../domain/service-log-remembered.ts';
import {
  readServiceLogUpload,
  SERVICE_LOG_MAX_CHILD_ROWS,
  type ServiceLogReadContext,
} from './service-log-upload.ts';

const speech = { id: 'svc-speech', name: 'Speech-language therapy', area: 'speech' as const };
const context: ServiceLogReadContext = {
  options: {
    child: { firstName: 'Emma', lastName: 'Lopez' },
    studentId: null,
    services: [speech],
    defaultServiceId: speech.id,
    country: 'US',
    yearWithin: null,
  },
  chosen: null,
  remembered: [],
};
const bytes = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const odd = ['When,What,How long,Outcome', '10/6/2026,Group,30,Done'];
const oddMapping: ServiceLogMapping = {
  headerLines: [1],
  columns: { date: 0, service: 1, minutes: 2, status: 3 },
  services: { group: speech.id },
  statuses: {},
  dateOrder: null,
  minutesUnit: null,
};

describe('readServiceLogUpload', () => {
  it('reads a file for the child, with its first rows and whether a remembered mapping was used', async () => {
    const read = await readServiceLogUpload(
      bytes([
        'Date,Student,Service,Minutes,Status',
        '10/6/2026,Emma Lopez,SLP,30,Delivered',
        '10/6/2026,Liam Chen,SLP,30,Delivered',
      ]),
      context,
    );
    expect(read).toMatchObject({ format: 'csv', sheet: null, fileNotes: [], remembered: false });
    expect(read.reading.rows).toHaveLength(1);
    expect(read.firstRows.map((r) => r.whose)).toEqual(['this_child', 'another_student']);
  });

  it('uses the school’s remembered mapping, unless the parent chose one', async () => {
    const confirmed = await readServiceLogUpload(bytes(odd), { ...context, chosen: oddMapping });
    const remembered = [mappingToRemember(confirmed.reading)!];
    const next = await readServiceLogUpload(bytes(odd), { ...context, remembered });
    expect(next.remembered).toBe(true);
    expect(next.reading.problem).toBeNull();
    const chosenWins = await readServiceLogUpload(bytes(odd), {
      ...context,
      chosen: { ...oddMapping, columns: { date: 0, minutes: 2 } },
      remembered,
    });
    expect(chosenWins.remembered).toBe(false);
    expect(chosenWins.reading.mapping.columns).toEqual({ date: 0, minutes: 2 });
  });

  it('refuses more of one child’s sessions than one file may hold, naming the file field', async () => {
    const rows = Array.from({ length: SERVICE_LOG_MAX_CHILD_ROWS + 1 }, () => '10/6/2026,SLP,30,Delivered');
    const refused = await readServiceLogUpload(
      bytes(['Date,Service,Minutes,Status', ...rows]),
      context,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fields).toEqual([
      {
        path: 'file',
        message:
          'This file has 5,001 sessions for Emma; As Written reads at most 5,000 of one child’s sessions from one file (a school year of sessions is far fewer). Export a shorter stretch of dates, such as this school year, and bring that in. Nothing was saved.',
      },
    ]);
    const atLimit = await readServiceLogUpload(
      bytes(['Date,Service,Minutes,Status', ...rows.slice(1)]),
      context,
    );
    expect(atLimit.reading.rows).toHaveLength(SERVICE_LOG_MAX_CHILD_ROWS);
  });
});
