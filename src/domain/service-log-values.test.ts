import { describe, expect, it } from 'vitest';
import {
  logStatusWords,
  minutesBetween,
  readClockTime,
  readMinutes,
  readStatus,
  rowStatus,
  timeAfterDate,
} from './service-log-values.ts';

describe('readMinutes', () => {
  it.each([
    ['30', 30],
    ['0:30', 30],
    ['00:30:00', 30],
    ['1:15', 75],
    ['30 min', 30],
    ['30 mins.', 30],
    ['30 minutes', 30],
    ['45m', 45],
    ['1.5 hrs', 90],
    ['1 hr 15 min', 75],
    ['1h30', 90],
    ['2 hours', 120],
    ['22.5', 23],
    ['0', 0],
  ])('reads "%s" as %i minutes', (text, minutes) => {
    expect(readMinutes(text)).toEqual({ minutes });
  });

  it('reads a bare number as hours in a column of hours', () => {
    expect(readMinutes('1.5', 'hours')).toEqual({ minutes: 90 });
    expect(readMinutes('0:45', 'hours')).toEqual({ minutes: 45 });
  });

  it('gives nothing for a blank or "N/A" cell, and names a value it cannot read', () => {
    expect(readMinutes('')).toBeNull();
    expect(readMinutes('N/A')).toBeNull();
    expect(readMinutes('about half')).toEqual({
      minutes: null,
      problem: '“about half” is not a number of minutes',
    });
    expect(readMinutes('2000')).toEqual({
      minutes: null,
      problem: '“2000” is more minutes than a day holds',
    });
  });
});

describe('readClockTime', () => {
  it.each([
    ['9:00', '09:00'],
    ['9:00 AM', '09:00'],
    ['2:30 pm', '14:30'],
    ['14:30', '14:30'],
    ['12:15 AM', '00:15'],
    ['12:15 PM', '12:15'],
    ['9am', '09:00'],
    ['0900', '09:00'],
    ['9:00-9:30', '09:00'],
    ['9:00 AM - 9:30 AM', '09:00'],
  ])('reads "%s" as %s', (text, time) => {
    expect(readClockTime(text)).toBe(time);
  });

  it('does not take a bare number or a wrong time for a time', () => {
    expect(readClockTime('9')).toBeNull();
    expect(readClockTime('25:00')).toBeNull();
    expect(readClockTime('')).toBeNull();
  });

  it('finds a time written after a date in the same cell', () => {
    expect(timeAfterDate('10/6/2026 9:00 AM')).toBe('09:00');
    expect(timeAfterDate('10/6/2026')).toBeNull();
  });

  it('counts minutes between a start and an end', () => {
    expect(minutesBetween('09:00', '09:30')).toBe(30);
    expect(minutesBetween('09:30', '09:00')).toBeNull();
  });
});

describe('readStatus', () => {
  it.each([
    ['Delivered', 'scheduled', 'delivered', null],
    ['Present', 'scheduled', 'delivered', null],
    ['Service Provided', 'scheduled', 'delivered', null],
    ['P', 'scheduled', 'delivered', null],
    ['Student Absent', 'scheduled', 'missed', 'student_absent'],
    ['Absent', 'scheduled', 'missed', 'student_absent'],
    ['A', 'scheduled', 'missed', 'student_absent'],
    ['No show', 'scheduled', 'missed', 'student_absent'],
    ['Provider Absent', 'scheduled', 'missed', 'provider_absent'],
    ['Therapist out sick', 'scheduled', 'missed', 'provider_absent'],
    ['PA', 'scheduled', 'missed', 'provider_absent'],
    ['Make-up', 'makeup', 'delivered', null],
    ['Makeup session', 'makeup', 'delivered', null],
    ['MU', 'makeup', 'delivered', null],
    ['Cancelled - assembly', 'scheduled', 'missed', 'school_event'],
    ['Canceled: State testing', 'scheduled', 'missed', 'testing'],
    ['Field trip', 'scheduled', 'missed', 'field_trip'],
    ['Snow day', 'scheduled', 'missed', 'school_closed'],
    ['No school - holiday', 'scheduled', 'missed', 'school_closed'],
    ['Cancelled', 'scheduled', 'missed', 'unknown'],
    ['Not held', 'scheduled', 'missed', 'unknown'],
    ['Student refused', 'scheduled', 'missed', 'student_refused'],
    ['IEP meeting', 'scheduled', 'missed', 'scheduling_conflict'],
    ['Partial session', 'scheduled', 'short', null],
  ])('reads "%s" as %s %s (%s)', (text, kind, status, reason) => {
    expect(readStatus(text)).toEqual({ kind, status, reason });
  });

  it('does not guess at words it does not know', () => {
    expect(readStatus('Zoom link broken')).toBeNull();
    expect(readStatus('')).toBeNull();
  });

  it('words a status for the table', () => {
    expect(logStatusWords({ kind: 'scheduled', status: 'missed', reason: 'student_absent' })).toBe(
      'not held (student absent)',
    );
    expect(logStatusWords({ kind: 'makeup', status: 'delivered', reason: null })).toBe('make-up');
  });
});

describe('rowStatus', () => {
  it('takes a reason column to refine a plain "Cancelled"', () => {
    expect(rowStatus('Cancelled', 'Assembly', 0, {})).toEqual({
      ok: true,
      value: { kind: 'scheduled', status: 'missed', reason: 'school_event' },
      assumed: null,
    });
  });

  it('reads a log without statuses from its minutes, and says so', () => {
    const held = rowStatus(null, null, 30, {});
    expect(held).toMatchObject({ ok: true, value: { status: 'delivered' } });
    expect(held.ok && held.assumed).toContain('read as delivered');
    expect(rowStatus(null, null, 0, {})).toMatchObject({
      ok: true,
      value: { status: 'missed', reason: 'unknown' },
    });
    expect(rowStatus(null, null, null, {})).toEqual({ ok: false, problem: 'neither a status nor minutes' });
  });

  it('uses what the parent said a status means', () => {
    expect(rowStatus('Zoom link broken', null, 0, {})).toEqual({
      ok: false,
      problem: 'the status “Zoom link broken” is not one As Written knows',
    });
    expect(
      rowStatus('Zoom link broken', null, 0, {
        'zoom link broken': { kind: 'scheduled', status: 'missed', reason: 'provider_absent' },
      }),
    ).toMatchObject({ ok: true, value: { reason: 'provider_absent' } });
  });
});
