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
  /** See where sign-ins came from (network addresses) in the audit trail. */
  'audit.addresses',
  'member.read',
  'member.manage',
  /** Leave the household (every member may, but the last owner). */
  'member.leave',
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

/** What every member may do: read, and leave the household of their own accord. */
const EVERY_MEMBER: Permission[] = [...READ, 'member.leave'];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  /** Everything, including members and deletion. */
  owner: new Set(PERMISSIONS),
  /** Everything but members, deletion and sign-in addresses. */
  co_parent: new Set<Permission>([
    ...EVERY_MEMBER,
    'plan.write',
    'session.write',
    'staff_link.manage',
    'export',
    'note.write',
    'letter.draft',
  ]),
  /** Reads everything, adds notes and comments, drafts letters; no deletes, no plan edits. */
  advocate: new Set<Permission>([...EVERY_MEMBER, 'export', 'note.write', 'letter.draft']),
  /** Read only (and leave). */
  viewer: new Set<Permission>(EVERY_MEMBER),
};

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
