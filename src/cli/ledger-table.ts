import type { ServiceLedgerView } from '../server/services/ledgers.ts';

// Plain-text rendering of ledgers for the terminal. Words a parent uses: "make-up minutes owed".

function pad(text: string, width: number, right = false) {
  return right ? text.padStart(width) : text.padEnd(width);
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const pct = (v: number | null) => (v == null ? '-' : `${v.toFixed(1)}%`);

export function renderLedgers(ledgers: ServiceLedgerView[]): string {
  const out: string[] = [];
  for (const l of ledgers) {
    out.push(`${l.service.name}  (${l.window.from} to ${l.window.to}, as of ${l.asOf})`);
    const rows = l.periods.map((p) => [
      p.label,
      String(p.requiredMinutes),
      String(p.deliveredMinutes),
      String(p.owedMinutes),
      String(p.excusedMinutes),
      String(p.pendingMinutes),
      String(p.unloggedMinutes),
      String(p.makeupAppliedMinutes),
      String(p.owedBalanceMinutes),
      pct(p.percentDelivered),
    ]);
    const t = l.totals;
    rows.push([
      'Total',
      String(t.requiredMinutes),
      String(t.deliveredMinutes),
      String(t.owedMinutes),
      String(t.excusedMinutes),
      String(t.pendingMinutes),
      String(t.unloggedMinutes),
      String(t.makeupAppliedMinutes),
      String(t.owedBalanceMinutes),
      pct(t.percentDelivered),
    ]);
    out.push(
      table(
        [
          'Period',
          'Required',
          'Delivered',
          'Missed, owed',
          'Excused',
          'Pending',
          'Not logged',
          'Made up',
          'Make-up owed',
          'Delivered %',
        ],
        rows,
      ),
    );
    if (t.extraMinutes > 0)
      out.push(`Extra minutes beyond planned sessions (not counted toward other weeks): ${t.extraMinutes}`);
    if (l.unappliedMakeupMinutes > 0)
      out.push(`Make-up minutes with nothing left to make up: ${l.unappliedMakeupMinutes}`);
    for (const note of l.notes) out.push(`Note: ${note}`);
    out.push(`Make-up minutes still owed: ${t.owedBalanceMinutes}`);
    out.push('');
  }
  return out.join('\n');
}
