import { Anchor, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../../components/dates.ts';
import { Tag } from '../../components/SessionEntryCard.tsx';
import ui from '../../components/ui.module.css';
import { STEP_KIND_LABELS } from '../behavior/behavior-words.ts';
import type { SectionDef } from './RecordSection.tsx';
import type { Accommodation, BehaviorStep, Goal, KeyDate, TeamContact } from './types.ts';

// Plain words for the plan's lists, and the fields of their forms.

export const CATEGORY_LABELS: Record<Accommodation['category'], string> = {
  presentation: 'How work is presented',
  response: 'How your child responds',
  setting: 'Setting',
  timing: 'Timing',
  scheduling: 'Scheduling',
  assistive_technology: 'Assistive technology',
  behavioral: 'Behavior',
  other: 'Other',
};

export const APPLIES_TO_LABELS: Record<Accommodation['appliesTo'], string> = {
  all: 'Everywhere',
  tests: 'Tests and quizzes',
  classwork: 'Classwork',
  homework: 'Homework',
  class: 'One class',
};

export const KEY_DATE_LABELS: Record<KeyDate['kind'], string> = {
  annual_review: 'Annual review',
  reevaluation: 'Reevaluation',
  progress_report: 'Progress report',
  meeting: 'Meeting',
  other: 'Other',
};

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export const accommodationsDef: SectionDef<Accommodation> = {
  path: 'accommodations',
  title: 'Accommodations',
  noun: 'accommodation',
  parentKey: 'planId',
  fields: [
    {
      name: 'text',
      label: 'Accommodation',
      kind: 'textarea',
      required: true,
      description: 'As the plan words it.',
    },
    {
      name: 'category',
      label: 'Kind',
      kind: 'select',
      options: options(CATEGORY_LABELS),
      defaultValue: 'other',
    },
    { name: 'appliesTo', label: 'Applies to', kind: 'select', options: options(APPLIES_TO_LABELS) },
    {
      name: 'className',
      label: 'Class',
      kind: 'text',
      description: 'For example Math.',
      showIf: (v) => v.appliesTo === 'class',
    },
  ],
  itemName: (a) => a.text,
  render: (a) => (
    <Stack gap={4}>
      <Text>{a.text}</Text>
      <Group gap={6}>
        <Tag tone="gray">{CATEGORY_LABELS[a.category]}</Tag>
        <Tag tone="gray">
          {a.appliesTo === 'class' && a.className ? `In ${a.className}` : APPLIES_TO_LABELS[a.appliesTo]}
        </Tag>
      </Group>
    </Stack>
  ),
  empty: 'No accommodations are recorded.',
};

export const goalsDef: SectionDef<Goal> = {
  path: 'goals',
  title: 'Goals',
  noun: 'goal',
  parentKey: 'planId',
  fields: [
    {
      name: 'area',
      label: 'Area',
      kind: 'text',
      required: true,
      description: 'For example Reading or Speech.',
    },
    { name: 'text', label: 'Goal', kind: 'textarea', required: true },
    { name: 'baseline', label: 'Where your child started (baseline)', kind: 'textarea' },
    { name: 'target', label: 'Target', kind: 'textarea' },
    { name: 'measurement', label: 'How it is measured', kind: 'textarea' },
  ],
  itemName: (g) => `${g.area}: ${g.text}`,
  render: (g) => (
    <Stack gap={4}>
      <Text fw={700}>{g.area}</Text>
      <Text>{g.text}</Text>
      {g.baseline && <Text size="sm">Started at: {g.baseline}</Text>}
      {g.target && <Text size="sm">Target: {g.target}</Text>}
      {g.measurement && <Text size="sm">Measured by: {g.measurement}</Text>}
    </Stack>
  ),
  empty: 'No goals are recorded.',
};

export const behaviorStepsDef: SectionDef<BehaviorStep> = {
  path: 'behavior-steps',
  title: 'Behavior plan',
  noun: 'behavior-plan step',
  parentKey: 'planId',
  fields: [
    { name: 'kind', label: 'Kind of step', kind: 'select', options: options(STEP_KIND_LABELS) },
    { name: 'text', label: 'Step', kind: 'textarea', required: true },
    {
      name: 'position',
      label: 'Order',
      kind: 'number',
      description: 'Steps are listed from the lowest number.',
      defaultValue: '0',
    },
  ],
  itemName: (s) => s.text,
  render: (s) => (
    <Text>
      <Text component="span" fw={700}>
        {STEP_KIND_LABELS[s.kind]}:
      </Text>{' '}
      {s.text}
    </Text>
  ),
  empty: 'No behavior-plan steps are recorded.',
  sort: (a, b) => a.position - b.position,
};

export const keyDatesDef: SectionDef<KeyDate> = {
  path: 'key-dates',
  title: 'Key dates',
  noun: 'key date',
  parentKey: 'planId',
  fields: [
    { name: 'kind', label: 'Kind', kind: 'select', options: options(KEY_DATE_LABELS) },
    { name: 'date', label: 'Date', kind: 'date', required: true },
    { name: 'label', label: 'Description', kind: 'text' },
  ],
  itemName: (k) => `${KEY_DATE_LABELS[k.kind]}, ${formatDate(k.date)}`,
  render: (k) => (
    <Text>
      <Text component="span" fw={700}>
        {formatDate(k.date)}
      </Text>
      {' — '}
      {k.label ?? KEY_DATE_LABELS[k.kind]}
      {k.label ? ` (${KEY_DATE_LABELS[k.kind].toLowerCase()})` : ''}
    </Text>
  ),
  empty: 'No key dates are recorded.',
};

export const teamDef: SectionDef<TeamContact> = {
  path: 'team-contacts',
  title: 'Team',
  noun: 'team contact',
  parentKey: 'childId',
  fields: [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'role', label: 'Role', kind: 'text', required: true, description: 'For example Case manager.' },
    { name: 'email', label: 'Email', kind: 'email' },
    { name: 'phone', label: 'Phone', kind: 'tel' },
  ],
  itemName: (t) => `${t.name}, ${t.role}`,
  render: (t) => (
    <Stack gap={2}>
      <Text fw={700}>{t.name}</Text>
      <Text size="sm">{t.role}</Text>
      {t.email && (
        <Anchor href={`mailto:${t.email}`} size="sm" underline="always" className={ui.link}>
          {t.email}
        </Anchor>
      )}
      {t.phone && (
        <Anchor href={`tel:${t.phone}`} size="sm" underline="always" className={ui.link}>
          {t.phone}
        </Anchor>
      )}
    </Stack>
  ),
  empty: 'No team contacts are recorded.',
};
