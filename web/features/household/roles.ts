import { ROLES, type Role } from '../../../src/domain/permissions.ts';
import type { T } from '../../i18n/i18n.tsx';

// The four roles in plain words, in the reader's language (the `household` part of the catalog:
// `household.role.name`, `household.role.help`). Their order comes from the server's role table
// (src/domain/permissions.ts); what each may do is described for people.

export { ROLES, type Role };

/** "Owner", "Co-parent": a role's name; a role the app does not know is shown as it is. */
export const roleLabel = (t: T, role: string) => t('household.role.name', { role });

/** What a role may do, in one or two sentences. */
export const roleHelp = (t: T, role: string) => t('household.role.help', { role });

/** The roles for a select, named in the reader's language. */
export const roleOptions = (t: T) => ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }));
