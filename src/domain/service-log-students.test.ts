import { describe, expect, it } from 'vitest';
import { idKey, isChildName, rowStudent, titleStudent, titleStudentId } from './service-log-students.ts';

const emma = { firstName: 'Emma', lastName: 'Lopez' };

describe('isChildName', () => {
  it.each(['Emma Lopez', 'LOPEZ, EMMA', 'Lopez, Emma M.', 'E. Lopez', 'Emma L.', 'lopez emma', 'Émma López'])(
    'knows "%s" is Emma Lopez',
    (written) => {
      expect(isChildName(written, emma)).toBe(true);
    },
  );

  it.each(['Emma Garcia', 'Jacob Lopez', 'E. Garcia', 'Emmanuel Lopez', 'Emma', 'J. L.'])(
    'knows "%s" is not Emma Lopez',
    (written) => {
      expect(isChildName(written, emma)).toBe(false);
    },
  );

  it('matches a child recorded without a last name on the first name alone', () => {
    expect(isChildName('Emma Lopez', { firstName: 'Emma', lastName: null })).toBe(true);
    expect(isChildName('Noah Lopez', { firstName: 'Emma', lastName: null })).toBe(false);
  });

  it('needs a two-word name whole', () => {
    const child = { firstName: 'Mary Anne', lastName: 'de la Cruz' };
    expect(isChildName('de la Cruz, Mary Anne', child)).toBe(true);
    expect(isChildName('Mary Cruz', child)).toBe(false);
  });
});

describe('rowStudent', () => {
  it('decides by the ID when the parent gave one and the row has one', () => {
    expect(rowStudent({ name: 'E. L.', firstName: null, lastName: null, id: '00123' }, emma, '123')).toBe(
      'this_child',
    );
    expect(rowStudent({ name: 'Emma Lopez', firstName: null, lastName: null, id: '456' }, emma, '123')).toBe(
      'another_student',
    );
  });

  it('decides by the name otherwise, in one column or two', () => {
    expect(rowStudent({ name: 'Lopez, Emma', firstName: null, lastName: null, id: '9' }, emma, null)).toBe(
      'this_child',
    );
    expect(rowStudent({ name: null, firstName: 'Emma', lastName: 'Lopez', id: null }, emma, null)).toBe(
      'this_child',
    );
    expect(rowStudent({ name: null, firstName: 'Liam', lastName: 'Lopez', id: null }, emma, null)).toBe(
      'another_student',
    );
  });

  it('says when a row names no one, or only an ID it cannot compare', () => {
    expect(rowStudent({ name: '', firstName: null, lastName: null, id: null }, emma, null)).toBe(
      'no_student',
    );
    expect(rowStudent({ name: null, firstName: null, lastName: null, id: '123' }, emma, null)).toBe(
      'id_only',
    );
  });

  it('does not count spaces, dashes or leading zeros in an ID', () => {
    expect(idKey(' 00-12 3 ')).toBe('123');
  });
});

describe('the student a log’s title names', () => {
  it('reads "Student: ..." and a label beside its value', () => {
    expect(titleStudent([['Service Log'], ['Student: Emma Lopez   Grade: 3']])).toBe('Emma Lopez');
    expect(titleStudent([['Student Name', '', 'LOPEZ, EMMA']])).toBe('LOPEZ, EMMA');
    expect(titleStudent([['Speech services log, fall 2026']])).toBeNull();
  });

  it('reads the ID a title gives', () => {
    expect(titleStudentId([['Student: Emma Lopez', 'ID: 0012345']])).toBe('0012345');
    expect(titleStudentId([['Printed 11/2/2026']])).toBeNull();
  });
});
