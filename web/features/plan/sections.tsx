import { Anchor, Group, Stack, Text } from '@mantine/core';
import { ACCOMMODATION_CATEGORIES } from '../../../src/domain/record-kinds.ts';
import { formatDate } from '../../components/dates.ts';
import { Tag } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import type { T } from '../../i18n/i18n.tsx';
import type { SectionDef, Words } from './RecordSection.tsx';
import type { Accommodation, BehaviorStep, Goal, KeyDate, TeamContact } from './types.ts';

// Plain words for the plan's lists, and the fields of their forms, in the reader's language.

const CATEGORIES: readonly Accommodation['category'][] = ACCOMMODATION_CATEGORIES;

const APPLIES_TO: readonly Accommodation['appliesTo'][] = ['all', 'tests', 'classwork', 'homework', 'class'];

const KEY_DATE_KINDS: readonly KeyDate['kind'][] = [
  'annual_review',
  'reevaluation',
  'progress_report',
  'meeting',
  'other',
];

const STEP_KINDS: readonly BehaviorStep['kind'][] = ['trigger', 'strategy', 'reward', 'response'];

/** An accommodation's kind in words ("How work is presented"). */
export const categoryLabel = (t: T, category: string) => t('plan.category', { category });
/** Where an accommodation applies, in words ("Tests and quizzes"). */
export const appliesToLabel = (t: T, appliesTo: string) => t('plan.appliesTo', { appliesTo });
/** A key date's kind in words ("Annual review"). */
export const keyDateLabel = (t: T, kind: string) => t('plan.keyDateKind', { kind });
/** A behavior-plan step's kind in words ("Trigger"). */
export const stepKindLabel = (t: T, kind: string) => t('plan.stepKind', { kind });

const options = (values: readonly string[], label: (value: string) => string) =>
  values.map((value) => ({ value, label: label(value) }));

export const accommodationsDef: SectionDef<Accommodation> = {
  path: 'accommodations',
  section: 'accommodation',
  parentKey: 'planId',
  fields: (t) => [
    {
      name: 'text',
      label: t('plan.field.accommodation'),
      kind: 'textarea',
      required: true,
      description: t('plan.field.accommodationHint'),
    },
    {
      name: 'category',
      label: t('plan.field.kind'),
      kind: 'select',
      options: options(CATEGORIES, (c) => categoryLabel(t, c)),
      defaultValue: 'other',
    },
    {
      name: 'appliesTo',
      label: t('plan.field.appliesTo'),
      kind: 'select',
      options: options(APPLIES_TO, (a) => appliesToLabel(t, a)),
    },
    {
      name: 'className',
      label: t('plan.field.class'),
      kind: 'text',
      description: t('plan.field.classHint'),
      showIf: (v) => v.appliesTo === 'class',
    },
  ],
  itemName: (a) => a.text,
  render: (a, { t }: Words) => (
    <Stack gap={4}>
      <Text>{a.text}</Text>
      <Group gap={6}>
        <Tag tone="gray">{categoryLabel(t, a.category)}</Tag>
        <Tag tone="gray">
          {a.appliesTo === 'class' && a.className
            ? t('plan.inClass', { name: a.className })
            : appliesToLabel(t, a.appliesTo)}
        </Tag>
      </Group>
    </Stack>
  ),
};

export const goalsDef: SectionDef<Goal> = {
  path: 'goals',
  section: 'goal',
  parentKey: 'planId',
  fields: (t) => [
    {
      name: 'area',
      label: t('plan.field.area'),
      kind: 'text',
      required: true,
      description: t('plan.field.areaHint'),
    },
    { name: 'text', label: t('plan.field.goal'), kind: 'textarea', required: true },
    { name: 'baseline', label: t('plan.field.baseline'), kind: 'textarea' },
    { name: 'target', label: t('plan.field.target'), kind: 'textarea' },
    { name: 'measurement', label: t('plan.field.measurement'), kind: 'textarea' },
  ],
  itemName: (g) => `${g.area}: ${g.text}`,
  render: (g, { t }) => (
    <Stack gap={4}>
      <Text fw={700}>{g.area}</Text>
      <Text>{g.text}</Text>
      {g.baseline && <Text size="sm">{t('plan.goal.started', { text: g.baseline })}</Text>}
      {g.target && <Text size="sm">{t('plan.goal.target', { text: g.target })}</Text>}
      {g.measurement && <Text size="sm">{t('plan.goal.measured', { text: g.measurement })}</Text>}
    </Stack>
  ),
};

export const behaviorStepsDef: SectionDef<BehaviorStep> = {
  path: 'behavior-steps',
  section: 'behaviorStep',
  parentKey: 'planId',
  fields: (t) => [
    {
      name: 'kind',
      label: t('plan.field.stepKind'),
      kind: 'select',
      options: options(STEP_KINDS, (k) => stepKindLabel(t, k)),
    },
    { name: 'text', label: t('plan.field.step'), kind: 'textarea', required: true },
    {
      name: 'position',
      label: t('plan.field.order'),
      kind: 'number',
      description: t('plan.field.orderHint'),
      defaultValue: '0',
    },
  ],
  itemName: (s) => s.text,
  render: (s, { t }) => (
    <Text>
      <Text component="span" fw={700}>
        {stepKindLabel(t, s.kind)}:
      </Text>{' '}
      {s.text}
    </Text>
  ),
  sort: (a, b) => a.position - b.position,
};

export const keyDatesDef: SectionDef<KeyDate> = {
  path: 'key-dates',
  section: 'keyDate',
  parentKey: 'planId',
  fields: (t) => [
    {
      name: 'kind',
      label: t('plan.field.kind'),
      kind: 'select',
      options: options(KEY_DATE_KINDS, (k) => keyDateLabel(t, k)),
    },
    { name: 'date', label: t('plan.field.date'), kind: 'date', required: true },
    { name: 'label', label: t('plan.field.description'), kind: 'text' },
  ],
  itemName: (k, { t, locale }) =>
    t('plan.keyDate.name', { kind: keyDateLabel(t, k.kind), date: formatDate(k.date, locale) }),
  render: (k, { t, locale }) => (
    <Text>
      <Text component="span" fw={700}>
        {formatDate(k.date, locale)}
      </Text>
      {' — '}
      {k.label ?? keyDateLabel(t, k.kind)}
      {k.label ? ` (${keyDateLabel(t, k.kind).toLowerCase()})` : ''}
    </Text>
  ),
};

export const teamDef: SectionDef<TeamContact> = {
  path: 'team-contacts',
  section: 'teamContact',
  parentKey: 'childId',
  fields: (t) => [
    { name: 'name', label: t('plan.field.name'), kind: 'text', required: true },
    {
      name: 'role',
      label: t('plan.field.role'),
      kind: 'text',
      required: true,
      description: t('plan.field.roleHint'),
    },
    { name: 'email', label: t('plan.field.email'), kind: 'email' },
    { name: 'phone', label: t('plan.field.phone'), kind: 'tel' },
  ],
  itemName: (c) => `${c.name}, ${c.role}`,
  render: (c) => (
    <Stack gap={2}>
      <Text fw={700}>{c.name}</Text>
      <Text size="sm">{c.role}</Text>
      {c.email && (
        <Anchor href={`mailto:${c.email}`} size="sm" underline="always" className={ui.link}>
          {c.email}
        </Anchor>
      )}
      {c.phone && (
        <Anchor href={`tel:${c.phone}`} size="sm" underline="always" className={ui.link}>
          {c.phone}
        </Anchor>
      )}
    </Stack>
  ),
};
