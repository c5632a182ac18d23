import { Box, Text } from '@mantine/core';
import type { GoalProgress } from '../../api/types.ts';
import { formatDay, localeFor } from '../../components/dates.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

// A small line of a goal's numbers over time, drawn as plain SVG (no chart library to download for a
// handful of points). The sentence under it says the same in words; the picture is hidden from screen
// readers so they hear it once.

const W = 320;
const H = 80;
const PAD = 8;

const dayNumber = (iso: string) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

export function Trend({ points, target }: { points: GoalProgress[]; target: number | null }) {
  const t = useT('records');
  const { language } = useLanguage();
  const locale = localeFor(language);
  const num = (n: number) =>
    n.toLocaleString(locale ?? language, { useGrouping: false, maximumFractionDigits: 10 });
  const numeric = points
    .filter((p): p is GoalProgress & { numericValue: number } => p.numericValue != null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (numeric.length < 2) return null;
  const first = numeric[0]!;
  const last = numeric[numeric.length - 1]!;
  const values = numeric.map((p) => p.numericValue);
  const lo = Math.min(...values, ...(target == null ? [] : [target]));
  const hi = Math.max(...values, ...(target == null ? [] : [target]));
  const x0 = dayNumber(first.date);
  const span = Math.max(1, dayNumber(last.date) - x0);
  const x = (date: string) => PAD + ((dayNumber(date) - x0) / span) * (W - 2 * PAD);
  const y = (v: number) => (hi === lo ? H / 2 : H - PAD - ((v - lo) / (hi - lo)) * (H - 2 * PAD));
  const line = numeric.map((p) => `${x(p.date).toFixed(1)},${y(p.numericValue).toFixed(1)}`).join(' ');

  return (
    <Box>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: 480, display: 'block' }}
        aria-hidden="true"
        focusable="false"
      >
        {target != null && (
          <line
            x1={PAD}
            x2={W - PAD}
            y1={y(target)}
            y2={y(target)}
            stroke="var(--mantine-color-gray-6)"
            strokeWidth={1.5}
            strokeDasharray="5 4"
          />
        )}
        <polyline points={line} fill="none" stroke="var(--mantine-color-blue-7)" strokeWidth={2.5} />
        {numeric.map((p) => (
          <circle
            key={p.id}
            cx={x(p.date)}
            cy={y(p.numericValue)}
            r={3.5}
            fill="var(--mantine-color-blue-7)"
          />
        ))}
      </svg>
      <Text size="sm">
        {t('records.goal.trend', {
          from: num(first.numericValue),
          fromDay: formatDay(first.date, 'weekdayShort', locale),
          to: num(last.numericValue),
          toDay: formatDay(last.date, 'weekdayShort', locale),
          hasTarget: target != null ? 'yes' : 'no',
          target: target != null ? num(target) : '',
        })}
      </Text>
    </Box>
  );
}
