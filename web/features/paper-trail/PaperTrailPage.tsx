import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { useCan } from '../../api/permissions.ts';
import { useCurrent, useHouseholdChild } from '../../api/session.tsx';
import contrast from '../../components/contrast.module.css';
import { useT } from '../../i18n/i18n.tsx';
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
  { value: 'report', label: 'report.tab.report', title: 'report.tab.reportTitle' },
  { value: 'living-iep', label: 'report.tab.livingIep', title: 'report.tab.livingIepTitle' },
  { value: 'check', label: 'report.tab.check', title: 'report.tab.checkTitle' },
  { value: 'exports', label: 'report.tab.exports', title: 'report.tab.exportsTitle' },
] as const;
type TabValue = (typeof TABS)[number]['value'];

const isTab = (v: string | null): v is TabValue => TABS.some((tab) => tab.value === v);

export default function PaperTrailPage() {
  const t = useT('report');
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
        <Title order={2}>{t('report.title')}</Title>
        <Text size="sm">{t('report.intro')}</Text>
      </div>
      <Tabs value={tab} onChange={choose} keepMounted>
        <Tabs.List aria-label={t('report.tabs')} grow className={classes.tabs}>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab.value} value={tab.value}>
              {t(tab.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((part) => (
          <Tabs.Panel key={part.value} value={part.value} pt="md">
            {(opened.has(part.value) || part.value === tab) && (
              <Stack gap="md">
                <Title order={3} size="h4">
                  {t(part.title)}
                </Title>
                {part.value === 'report' && (
                  <ReportSection
                    householdId={householdId}
                    child={child}
                    canExport={canExport}
                    range={{ from: search.get('from'), to: search.get('to') }}
                    onRange={(range) => update(range)}
                  />
                )}
                {part.value === 'living-iep' && (
                  <LivingIepSection householdId={householdId} child={child} canEdit={writable} />
                )}
                {part.value === 'check' && <CheckSection householdId={householdId} />}
                {part.value === 'exports' && (
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
