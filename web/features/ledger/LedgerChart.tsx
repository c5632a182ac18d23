import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Box, ColorSwatch, Group, Text } from '@mantine/core';
import type { ServiceLedger } from '../../api/types.ts';
import { formatDate, formatMonth } from '../../components/dates.ts';

const SERIES = [
  { name: 'required', label: 'Required', color: 'gray.6' },
  { name: 'delivered', label: 'Delivered', color: 'teal.7' },
  { name: 'owed', label: 'Missed, make-up owed', color: 'red.7' },
];

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
  const data = ledger.periods.map((p) => ({
    period:
      p.unit === 'week'
        ? formatDate(p.start).replace(/, \d{4}$/, '')
        : p.unit === 'month'
          ? formatMonth(p.start)
              .replace(/ \d{4}$/, '')
              .slice(0, 3)
          : p.label,
    required: p.requiredMinutes,
    delivered: p.deliveredMinutes,
    owed: p.owedMinutes,
  }));
  const rows = grouping === 'week' ? 'week by week' : 'month by month';
  return (
    <Box>
      <div
        role="img"
        aria-label={`Chart of minutes required, delivered, and missed with a make-up owed, ${rows}`}
        aria-describedby={`ledger-chart-note ${tableCaptionId}`}
      >
        <BarChart
          h={260}
          data={data}
          dataKey="period"
          series={SERIES}
          unit=" min"
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
        The bars show, for each {grouping}, the minutes required (first bar), delivered (second) and missed
        with a make-up owed (third). The table below gives the same figures in words and numbers.
      </Text>
    </Box>
  );
}
