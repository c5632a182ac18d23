import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, ColorSwatch, Group, Text } from '@mantine/core';
import type { ServiceLedger } from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';
import { useLedgerWords } from './figures.ts';

/**
 * Minutes required, delivered, and missed with a make-up owed, per row of the ledger. The chart is a
 * picture of the table below it: the table is its text alternative (aria-describedby says so).
 */
export function LedgerChart({
  ledger,
  grouping,
  tableCaptionId,
}: {
  ledger: ServiceLedger;
  grouping: 'week' | 'month';
  tableCaptionId: string;
}) {
  const { t, locale, shortDate } = useLedgerWords();
  const SERIES = [
    { name: 'required', label: t('ledger.figure.required.label'), color: 'gray.6' },
    { name: 'delivered', label: t('ledger.figure.delivered.label'), color: 'teal.7' },
    { name: 'owed', label: t('ledger.figure.owed.label'), color: 'red.7' },
  ];
  const data = ledger.periods.map((p) => ({
    period:
      p.unit === 'week'
        ? shortDate(p.start)
        : p.unit === 'month'
          ? formatDay(p.start, 'monthShort', locale)
          : p.label,
    required: p.requiredMinutes,
    delivered: p.deliveredMinutes,
    owed: p.owedMinutes,
  }));
  return (
    <Box>
      <div
        role="img"
        aria-label={t('ledger.chart.label', { grouping })}
        aria-describedby={`ledger-chart-note ${tableCaptionId}`}
      >
        <BarChart
          h={260}
          data={data}
          dataKey="period"
          series={SERIES}
          unit={t('ledger.chart.unit')}
          yAxisProps={{ width: 64 }}
          accessibilityLayer={false}
          barProps={{ isAnimationActive: false }}
        />
      </div>
      {/* The legend is plain text beside a swatch, in the same order as the bars. */}
      <Group gap="md" mt={4} aria-hidden="true">
        {SERIES.map((s) => (
          <Group key={s.name} gap={6} wrap="nowrap">
            <ColorSwatch
              color={`var(--mantine-color-${s.color.replace('.', '-')})`}
              size={12}
              withShadow={false}
            />
            <Text size="sm">{s.label}</Text>
          </Group>
        ))}
      </Group>
      <Text id="ledger-chart-note" size="sm" mt={4}>
        {t('ledger.chart.note', { grouping })}
      </Text>
    </Box>
  );
}
