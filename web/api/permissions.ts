// What the signed-in member may do, from the server's own role table (src/domain/permissions.ts): the web
// app shows a button only when the route behind it would allow it, and never re-codes a role's rights.
import { isRole, type Permission, roleAllows } from '../../src/domain/permissions.ts';
import { useCurrent } from './session.tsx';

export type { Permission };

/** Whether a member with `role` may do this (false for no role, or one the table does not know). */
export function can(role: string | null | undefined, permission: Permission): boolean {
  return role != null && isRole(role) && roleAllows(role, permission);
}

/** Whether the signed-in member may do this in the household they are looking at. */
export function useCan(permission: Permission): boolean {
  return can(useCurrent().role, permission);
}
