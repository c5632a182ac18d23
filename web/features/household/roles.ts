import { ROLE_LABELS, ROLES, type Role } from '../../../src/domain/permissions.ts';

// The four roles in plain words. The names and their order come from the server's role table
// (src/domain/permissions.ts); what each may do is described here for people.

export { ROLE_LABELS, ROLES, type Role };

export const ROLE_HELP: Record<Role, string> = {
  owner: 'Can do everything, including inviting and removing members, changing roles, and deleting records.',
  co_parent: 'Can do everything except managing members and deleting.',
  advocate: 'Can read everything, add notes and comments, and draft letters. Cannot edit the plan or delete.',
  viewer: 'Can read everything, and change nothing.',
};

export const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role;

const ARTICLE_ROLES: Record<Role, string> = {
  owner: 'an owner',
  co_parent: 'a co-parent',
  advocate: 'an advocate',
  viewer: 'a viewer',
};

/** "an owner", "a co-parent": for sentences. */
export const roleWords = (role: string) => ARTICLE_ROLES[role as Role] ?? role;

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
