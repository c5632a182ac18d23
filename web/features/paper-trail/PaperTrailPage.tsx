import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { useCan } from '../../api/permissions.ts';
import { useCurrent, useHouseholdChild } from '../../api/session.tsx';
import contrast from '../../components/contrast.module.css';
import { CheckSection } from './CheckSection.tsx';
import { ExportsSection } from './ExportsSection.tsx';
import { LivingIepSection } from './LivingIepSection.tsx';
import classes from './paper-trail.module.css';
import { ReportSection } from './ReportSection.tsx';

// The paper trail, on one page to keep the menu short: the implementation report for a meeting or a
// complaint, the living IEP and next-meeting agenda, the check that nothing in the record was changed,
// and copies (spreadsheets, the whole household, a calendar of reminders; backups on the server).
// The tab and the report's dates live in the address, so a reload keeps them.

const TABS = [
  { value: 'report', label: 'Report', title: 'Report for a meeting or a complaint' },
  { value: 'living-iep', label: 'Next meeting', title: 'Living IEP and next-meeting agenda' },
  { value: 'check', label: 'Check', title: 'Check the record' },
  { value: 'exports', label: 'Exports', title: 'Exports and calendar' },
] as const;
type TabValue = (typeof TABS)[number]['value'];

const isTab = (v: string | null): v is TabValue => TABS.some((t) => t.value === v);

export default function PaperTrailPage() {
  const { householdId, child } = useHouseholdChild();
  const current = useCurrent();
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: TabValue = isTab(requested) ? requested : 'report';
  // Panels stay mounted once opened (so words being written are not lost), and load only when first opened.
  const [opened, setOpened] = useState<Set<TabValue>>(() => new Set([tab]));
  const canExport = useCan('export');
  const writable = useCan('plan.write');

  const update = (changes: Record<string, string>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) next.set(k, v);
        return next;
      },
      { replace: true },
    );
  const choose = (value: string | null) => {
    if (!isTab(value)) return;
    setOpened((o) => (o.has(value) ? o : new Set(o).add(value)));
    update({ tab: value });
  };

  return (
    <Stack gap="md" maw={960} className={contrast.scope}>
      <div>
        <Title order={2}>Paper trail</Title>
        <Text size="sm">
          Your record, ready to hand over: a report, your agenda for the next meeting, a check that nothing
          was changed, and copies to keep.
        </Text>
      </div>
      <Tabs value={tab} onChange={choose} keepMounted>
        <Tabs.List aria-label="Parts of the paper trail" grow className={classes.tabs}>
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            {(opened.has(t.value) || t.value === tab) && (
              <Stack gap="md">
                <Title order={3} size="h4">
                  {t.title}
                </Title>
                {t.value === 'report' && (
                  <ReportSection
                    householdId={householdId}
                    child={child}
                    canExport={canExport}
                    range={{ from: search.get('from'), to: search.get('to') }}
                    onRange={(range) => update(range)}
                  />
                )}
                {t.value === 'living-iep' && (
                  <LivingIepSection householdId={householdId} child={child} canEdit={writable} />
                )}
                {t.value === 'check' && <CheckSection householdId={householdId} />}
                {t.value === 'exports' && (
                  <ExportsSection
                    householdId={householdId}
                    child={child}
                    kids={current.children}
                    canExport={canExport}
                    canManageCalendars={writable}
                  />
                )}
              </Stack>
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
