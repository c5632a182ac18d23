import { Table } from '@mantine/core';
import type { ServiceLedger } from '../../api/types.ts';
import ui from '../../components/ui.module.css';
import { type FigureDef, type Figures, type LedgerPeriod, type RowUnit, useLedgerWords } from './figures.ts';
import classes from './ledger.module.css';

export type Open = (def: FigureDef, period: LedgerPeriod | null, scope: string) => void;

/** One figure of a row: which, of what, for which period (none: the total), and how to open its entries. */
type FigureProps = {
  def: FigureDef;
  figures: Figures;
  period: LedgerPeriod | null;
  scope: string;
  onOpen: Open;
};

/** A number that opens the entries behind it. */
export function FigureButton({ def, figures, period, scope, onOpen }: FigureProps) {
  const { buttonName, valueText } = useLedgerWords();
  return (
    <button
      type="button"
      className={ui.numberButton}
      aria-label={buttonName(def, figures, scope)}
      onClick={() => onOpen(def, period, scope)}
    >
      {valueText(def, figures)}
    </button>
  );
}

function Cell(props: FigureProps) {
  const { def, figures } = props;
  const { valueText } = useLedgerWords();
  const v = def.value(figures);
  // A zero with nothing behind it has no entries to show; it stays plain text to keep the tab order short.
  const hasEntries = def.key === 'unlogged' ? false : def.ids(figures).length > 0;
  if (v == null || (v === 0 && !hasEntries)) return <Table.Td>{valueText(def, figures)}</Table.Td>;
  return (
    <Table.Td>
      <FigureButton {...props} />
    </Table.Td>
  );
}

/**
 * What the rows are. A period longer than the requested row (a month, a cycle, a school year) keeps
 * its own row, so a "by week" table of a monthly service has month rows: the heading says so.
 */
function periodColumnUnit(ledger: ServiceLedger, grouping: 'week' | 'month'): RowUnit {
  const units = new Set(ledger.periods.map((p) => (p.unit === 'day' ? 'week' : p.unit)));
  if (units.size === 0) return grouping;
  if (units.size > 1) return 'period';
  const [unit] = units;
  return unit === 'month' || unit === 'week' || unit === 'cycle' || unit === 'year' || unit === 'term'
    ? unit
    : 'period';
}

export function LedgerTable({
  ledger,
  grouping,
  caption,
  captionId,
  onOpen,
}: {
  ledger: ServiceLedger;
  grouping: 'week' | 'month';
  caption: string;
  captionId: string;
  onOpen: Open;
}) {
  const { t, FIGURES, periodTitle, closuresWords, scopeWords, scopeAll, unitTitle } = useLedgerWords();
  const unit = periodColumnUnit(ledger, grouping);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section className={ui.tableScroll} tabIndex={0} aria-labelledby={captionId}>
      <Table className={classes.table} verticalSpacing="xs" horizontalSpacing="sm" striped highlightOnHover>
        <caption id={captionId} className={classes.caption}>
          {caption}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={`${classes.sticky} ${classes.head}`}>
              {unitTitle(unit)}
            </Table.Th>
            {FIGURES.map((def) => (
              <Table.Th scope="col" key={def.key} className={classes.head}>
                {def.column}
                {def.key !== 'percent' && (
                  <span className={classes.closures}>{t('ledger.table.minutes')}</span>
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ledger.periods.map((p) => (
            <Table.Tr key={`${p.unit}-${p.start}`}>
              <Table.Th scope="row" className={classes.sticky}>
                {periodTitle(p)}
                {p.closures.length > 0 && (
                  <span className={classes.closures}>{closuresWords(p.closures)}</span>
                )}
              </Table.Th>
              {FIGURES.map((def) => (
                <Cell key={def.key} def={def} figures={p} period={p} scope={scopeWords(p)} onOpen={onOpen} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr className={classes.totalRow}>
            <Table.Th scope="row" className={classes.sticky}>
              {t('ledger.table.total')}
            </Table.Th>
            {FIGURES.map((def) => (
              <Cell
                key={def.key}
                def={def}
                figures={ledger.totals}
                period={null}
                scope={scopeAll(unit)}
                onOpen={onOpen}
              />
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </section>
  );
}
