import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids.ts';

describe('uuidv7', () => {
  it('makes version-7 UUIDs that increase even under a frozen clock', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(Date.parse('2026-11-29T15:00:00Z')));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const sorted = [...ids].sort();
    expect(sorted).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes backwards when the clock does', () => {
    const later = uuidv7(Date.parse('2030-01-01T00:00:00Z'));
    const earlier = uuidv7(Date.parse('2020-01-01T00:00:00Z'));
    expect(earlier > later).toBe(true);
  });
});
