// Roles and what they may do. Authorization is decided here and nowhere else: routes name the
// permission they need, and the request layer checks the member's role against this table.

export const ROLES = ['owner', 'co_parent', 'advocate', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  co_parent: 'Co-parent',
  advocate: 'Advocate',
  viewer: 'Viewer',
};

export const PERMISSIONS = [
  'household.read',
  'household.delete',
  'plan.read',
  'plan.write',
  'session.read',
  'session.write',
  'record.delete',
  'journal.read',
  'audit.read',
  'member.read',
  'member.manage',
  'staff_link.manage',
  'export',
  'note.write',
  'letter.draft',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = [
  'household.read',
  'plan.read',
  'session.read',
  'journal.read',
  'audit.read',
  'member.read',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  /** Everything, including members and deletion. */
  owner: new Set(PERMISSIONS),
  /** Everything but members and deletion. */
  co_parent: new Set<Permission>([
    ...READ,
    'plan.write',
    'session.write',
    'staff_link.manage',
    'export',
    'note.write',
    'letter.draft',
  ]),
  /** Reads everything, adds notes and comments, drafts letters; no deletes, no plan edits. */
  advocate: new Set<Permission>([...READ, 'export', 'note.write', 'letter.draft']),
  /** Read only. */
  viewer: new Set<Permission>(READ),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
