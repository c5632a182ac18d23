import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import type { AuditEvent, Child, MemberRecord, Service, StaffLinkRecord } from '../../api/types.ts';
import { formatInstant, localeFor } from '../../components/dates.ts';
import { type T, useLanguage, useT } from '../../i18n/i18n.tsx';
import { QueryFailed } from './QueryFailed.tsx';

const LIMIT = 50;

type Names = {
  t: T;
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
const role = (v: unknown) => str(v) ?? '?';

/** "You", a member's name, or a plain description of whoever it was; undefined for a former member. */
function known(id: string | undefined, names: Names): string | 'me' | undefined {
  if (id && id === names.me) return 'me';
  const member = names.members.find((m) => m.userId === id);
  if (member) return member.displayName;
  return id ? names.joined.get(id) : undefined;
}

/** "You", a member's name, or a plain description of whoever it was (`start`: opening a sentence). */
function person(id: string | undefined, names: Names, start: boolean): string {
  const { t } = names;
  const who = known(id, names);
  if (who === 'me') return start ? t('household.audit.you') : t('household.audit.youLower');
  return who ?? (start ? t('household.audit.formerMember') : t('household.audit.formerMemberLower'));
}

function actor(event: AuditEvent, names: Names): string {
  const [kind, id] = event.actor.split(':');
  if (kind === 'user') return person(id, names, true);
  if (kind === 'staff_link') return names.t('household.audit.linkActor', { link: linkLabel(id, names) });
  return names.t('household.audit.system');
}

function linkLabel(id: string | undefined, names: Names): string {
  const label = names.links.find((l) => l.id === id)?.label;
  return label ? names.t('household.audit.linkLabel', { label }) : names.t('household.links.staff');
}

function scopeWords(scope: unknown, names: Names): string {
  const { t } = names;
  const s = scope as { kind?: string; childId?: string; serviceId?: string } | undefined;
  const child = names.kids.find((k) => k.id === s?.childId)?.firstName ?? t('household.links.aChild');
  if (s?.kind === 'child') return t('household.audit.scopeAll', { child });
  const service = names.services.find((x) => x.id === s?.serviceId);
  return service
    ? t('household.audit.scopeService', { service: service.name, child })
    : t('household.audit.scopeOne', { child });
}

/** Whose it was, when it was revoked because its maker's membership ended ("of a former member"). */
function because(d: Record<string, unknown>, names: Names): { because: string; name: string } {
  if (d.reason !== 'member_removed') return { because: 'none', name: '' };
  const who = known(str(d.userId), names);
  if (who === undefined) return { because: 'former', name: '' };
  return { because: 'named', name: who === 'me' ? names.t('household.audit.youLower') : who };
}

/** One event in plain words, in the reader's language. */
export function describe(event: AuditEvent, names: Names): string {
  const { t } = names;
  const who = actor(event, names);
  const d = event.data;
  const userId = event.actor.startsWith('user:') ? event.actor.slice(5) : undefined;
  const isMe = userId != null && userId === names.me;
  const mine = isMe ? 'yes' : 'no';
  const subject = str(d.userId);
  const subjectName = person(subject, names, false);
  const someone = t('household.audit.someone');
  switch (event.action) {
    case 'sign_in':
      return t('household.audit.sign_in', { who });
    case 'sign_in_failed':
      return t('household.audit.sign_in_failed', { person: person(userId, names, false) });
    case 'sign_out':
      return t('household.audit.sign_out', { who });
    case 'sign_out_everywhere':
      return t('household.audit.sign_out_everywhere', { who });
    case 'password_changed':
      return t('household.audit.password_changed', { who, mine });
    case 'password_reset_requested':
      return t('household.audit.password_reset_requested', { person: person(userId, names, false) });
    case 'password_reset':
      return t('household.audit.password_reset', { who });
    case 'member_invited':
      return t('household.audit.member_invited', { who, email: str(d.email) ?? someone, role: role(d.role) });
    case 'invitation_revoked':
      return t('household.audit.invitation_revoked', {
        who,
        email: names.invited.get(str(d.invitationId) ?? '') ?? someone,
        ...because(d, names),
      });
    case 'member_joined':
      return t('household.audit.member_joined', {
        who,
        role: role(d.role),
        newAccount: d.newAccount ? 'yes' : 'no',
      });
    case 'role_changed':
      return subject === userId
        ? t('household.audit.role_changed_own', { who, mine, from: role(d.from), to: role(d.to) })
        : t('household.audit.role_changed', {
            who,
            subject: subjectName,
            from: role(d.from),
            to: role(d.to),
          });
    case 'member_removed':
      return subject === userId
        ? t('household.audit.member_left', { who })
        : t('household.audit.member_removed', { who, subject: subjectName, role: role(d.role) });
    case 'staff_link_created':
      return t('household.audit.staff_link_created', {
        who,
        link: linkLabel(str(d.staffLinkId), names),
        scope: scopeWords(d.scope, names),
      });
    case 'staff_link_revoked':
      return t('household.audit.staff_link_revoked', {
        who,
        link: linkLabel(str(d.staffLinkId), names),
        ...because(d, names),
      });
    case 'staff_link_transferred':
      return t('household.audit.staff_link_transferred', {
        who,
        link: linkLabel(str(d.staffLinkId), names),
        person: person(str(d.from), names, false),
      });
    case 'calendar_feed_created':
      return t('household.audit.calendar_feed_created', { who });
    case 'calendar_feed_revoked':
      return t('household.audit.calendar_feed_revoked', { who, ...because(d, names) });
    case 'staff_link_used':
      return t('household.audit.staff_link_used', {
        link: linkLabel(str(d.staffLinkId) ?? event.actor.split(':')[1], names),
      });
    default:
      return t('household.audit.other', { who, action: String(event.action).replaceAll('_', ' ') });
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
  const t = useT('household');
  const locale = localeFor(useLanguage().language);
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
  const names: Names = { t, me, members, links, kids, services, invited, joined };
  return (
    <Stack component="section" aria-labelledby="audit-title" gap="sm">
      <Title order={3} id="audit-title">
        {t('household.audit.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('household.audit.intro', { count: LIMIT })}
      </Text>
      {audit.isPending ? (
        <Skeleton h={120} />
      ) : audit.isError ? (
        <QueryFailed
          title={t('household.failed.audit')}
          error={audit.error}
          onRetry={() => void audit.refetch()}
        />
      ) : audit.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('household.audit.nothing')}
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
                        {t('household.audit.warning')}
                      </Badge>
                    )}
                    {describe(e, names)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <time dateTime={e.at}>{formatInstant(e.at, locale)}</time>
                    {str(e.data.address)
                      ? ` · ${t('household.audit.from', { address: str(e.data.address) ?? '' })}`
                      : ''}
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
