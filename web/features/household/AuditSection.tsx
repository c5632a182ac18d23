import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import type { AuditEvent, Child, MemberRecord, Service, StaffLinkRecord } from '../../api/types.ts';
import { formatInstant } from '../../components/dates.ts';
import { QueryFailed } from './QueryFailed.tsx';
import { roleWords } from './roles.ts';

const LIMIT = 50;

type Names = {
  me: string | undefined;
  members: MemberRecord[];
  links: StaffLinkRecord[];
  kids: Child[];
  services: Service[];
  /** Invitation id → email, from the invitation events in the same list. */
  invited: Map<string, string>;
  /** User id → email of people who joined by invitation, to name them after they leave. */
  joined: Map<string, string>;
};

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const role = (v: unknown) => roleWords(str(v) ?? '?');

/** "You", a member's name, or a plain description of whoever it was. */
function person(id: string | undefined, names: Names, start: boolean): string {
  if (id && id === names.me) return start ? 'You' : 'you';
  const member = names.members.find((m) => m.userId === id);
  if (member) return member.displayName;
  const email = id ? names.joined.get(id) : undefined;
  return email ?? (start ? 'A former member' : 'a former member');
}

function actor(event: AuditEvent, names: Names): string {
  const [kind, id] = event.actor.split(':');
  if (kind === 'user') return person(id, names, true);
  if (kind === 'staff_link') return `The staff link for ${linkLabel(id, names)}`;
  return 'The system';
}

function linkLabel(id: string | undefined, names: Names): string {
  const label = names.links.find((l) => l.id === id)?.label;
  return label ? `“${label}”` : 'staff';
}

function scopeWords(scope: unknown, names: Names): string {
  const s = scope as { kind?: string; childId?: string; serviceId?: string } | undefined;
  const child = names.kids.find((k) => k.id === s?.childId)?.firstName ?? 'a child';
  if (s?.kind === 'child') return `all of ${child}’s services`;
  const service = names.services.find((x) => x.id === s?.serviceId);
  return service ? `${service.name} for ${child}` : `one of ${child}’s services`;
}

/** Whose it was, when it was revoked because its maker's membership ended: " of a former member". */
function because(d: Record<string, unknown>, names: Names): string {
  if (d.reason !== 'member_removed') return '';
  const name = person(str(d.userId), names, false);
  return name === 'a former member' ? ' of a former member' : ` of ${name}, a former member`;
}

/** One event in plain words. */
export function describe(event: AuditEvent, names: Names): string {
  const who = actor(event, names);
  const d = event.data;
  const userId = event.actor.startsWith('user:') ? event.actor.slice(5) : undefined;
  const isMe = userId != null && userId === names.me;
  const their = isMe ? 'your' : 'their';
  const subject = str(d.userId);
  const subjectName = person(subject, names, false);
  switch (event.action) {
    case 'sign_in':
      return `${who} signed in`;
    case 'sign_in_failed':
      return `Someone tried to sign in as ${person(userId, names, false)} with a wrong password`;
    case 'sign_out':
      return `${who} signed out`;
    case 'sign_out_everywhere':
      return `${who} signed out on every device`;
    case 'password_changed':
      return `${who} changed ${their} password`;
    case 'password_reset_requested':
      return `A link to reset the password of ${person(userId, names, false)} was requested`;
    case 'password_reset':
      return `${who} set a new password with a reset link`;
    case 'member_invited':
      return `${who} invited ${str(d.email) ?? 'someone'} as ${role(d.role)}`;
    case 'invitation_revoked':
      return `${who} revoked the invitation for ${names.invited.get(str(d.invitationId) ?? '') ?? 'someone'}${because(d, names)}`;
    case 'member_joined':
      return `${who} joined the household as ${role(d.role)}${d.newAccount ? ' (new account)' : ''}`;
    case 'role_changed':
      return subject === userId
        ? `${who} changed ${their} own role from ${role(d.from)} to ${role(d.to)}`
        : `${who} changed the role of ${subjectName} from ${role(d.from)} to ${role(d.to)}`;
    case 'member_removed':
      return subject === userId
        ? `${who} left the household`
        : `${who} removed ${subjectName}, ${role(d.role)}, from the household`;
    case 'staff_link_created':
      return `${who} made a staff link for ${linkLabel(str(d.staffLinkId), names)}, covering ${scopeWords(d.scope, names)}`;
    case 'staff_link_revoked':
      return `${who} revoked the staff link for ${linkLabel(str(d.staffLinkId), names)}${because(d, names)}`;
    case 'staff_link_transferred':
      return `${who} took over the staff link for ${linkLabel(str(d.staffLinkId), names)} from ${person(str(d.from), names, false)}`;
    case 'calendar_feed_created':
      return `${who} made a calendar address`;
    case 'calendar_feed_revoked':
      return `${who} revoked a calendar address${because(d, names)}`;
    case 'staff_link_used':
      return `The staff link for ${linkLabel(str(d.staffLinkId) ?? event.actor.split(':')[1], names)} was used`;
    default:
      return `${who}: ${String(event.action).replaceAll('_', ' ')}`;
  }
}

export function AuditSection({
  householdId,
  me,
  members,
  links,
  kids,
  services,
}: {
  householdId: string;
  me: string | undefined;
  members: MemberRecord[];
  links: StaffLinkRecord[];
  kids: Child[];
  services: Service[];
}) {
  const audit = useQuery({
    queryKey: ['household', householdId, 'audit', LIMIT],
    queryFn: () => get<AuditEvent[]>(`/households/${householdId}/audit?limit=${LIMIT}`),
  });
  const invited = new Map<string, string>();
  for (const e of audit.data ?? []) {
    const id = str(e.data.invitationId);
    const email = str(e.data.email);
    if (e.action === 'member_invited' && id && email) invited.set(id, email);
  }
  const joined = new Map<string, string>();
  for (const e of audit.data ?? []) {
    const email = invited.get(str(e.data.invitationId) ?? '');
    if (e.action === 'member_joined' && email && e.actor.startsWith('user:'))
      joined.set(e.actor.slice(5), email);
  }
  const names: Names = { me, members, links, kids, services, invited, joined };
  return (
    <Stack component="section" aria-labelledby="audit-title" gap="sm">
      <Title order={3} id="audit-title">
        Who did what
      </Title>
      <Text size="sm" c="dimmed">
        The household’s audit trail: sign-ins, failed sign-ins, invitations, role changes and staff links. The{' '}
        {LIMIT} most recent, newest first.
      </Text>
      {audit.isPending ? (
        <Skeleton h={120} />
      ) : audit.isError ? (
        <QueryFailed what="the audit trail" error={audit.error} onRetry={() => void audit.refetch()} />
      ) : audit.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing yet.
        </Text>
      ) : (
        <Paper withBorder>
          <Stack
            component="ol"
            gap={0}
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="audit-title"
          >
            {audit.data.map((e, i) => (
              <Group
                component="li"
                key={e.id}
                gap="xs"
                px="sm"
                py={6}
                wrap="nowrap"
                align="flex-start"
                style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
              >
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm">
                    {e.action === 'sign_in_failed' && (
                      <Badge color="red" variant="light" tt="none" mr={6} size="sm">
                        Warning
                      </Badge>
                    )}
                    {describe(e, names)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <time dateTime={e.at}>{formatInstant(e.at)}</time>
                    {str(e.data.address) ? ` · from address ${str(e.data.address)}` : ''}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
