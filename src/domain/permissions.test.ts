import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, roleAllows } from './permissions.ts';

describe('roles and permissions', () => {
  it('an owner may do everything, including members and deletion', () => {
    for (const p of PERMISSIONS) expect(roleAllows('owner', p)).toBe(true);
  });
  it('a co-parent may do everything but manage members, delete and see sign-in addresses', () => {
    const denied = PERMISSIONS.filter((p) => !roleAllows('co_parent', p));
    expect(denied.sort()).toEqual(['audit.addresses', 'household.delete', 'member.manage', 'record.delete']);
  });
  it('only an owner sees where sign-ins came from', () => {
    for (const role of ['co_parent', 'advocate', 'viewer'] as const)
      expect(roleAllows(role, 'audit.addresses')).toBe(false);
    expect(roleAllows('owner', 'audit.addresses')).toBe(true);
  });
  it('every member may leave the household', () => {
    for (const role of ['owner', 'co_parent', 'advocate', 'viewer'] as const)
      expect(roleAllows(role, 'member.leave')).toBe(true);
  });
  it('an advocate reads everything, adds notes and drafts letters, but never edits the plan or deletes', () => {
    expect(roleAllows('advocate', 'plan.read')).toBe(true);
    expect(roleAllows('advocate', 'note.write')).toBe(true);
    expect(roleAllows('advocate', 'letter.draft')).toBe(true);
    expect(roleAllows('advocate', 'plan.write')).toBe(false);
    expect(roleAllows('advocate', 'record.delete')).toBe(false);
    expect(roleAllows('advocate', 'member.manage')).toBe(false);
  });
  it('a viewer only reads (and may leave)', () => {
    for (const p of ROLE_PERMISSIONS.viewer) expect(p.endsWith('.read') || p === 'member.leave').toBe(true);
  });
});
