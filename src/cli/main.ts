import { readFile } from 'node:fs/promises';
import { Command, InvalidArgumentError } from 'commander';
import { isIsoDate } from '../domain/dates.ts';
import { buildApp } from '../server/app.ts';
import { systemClock } from '../server/context.ts';
import { AppError } from '../server/errors.ts';
import { exportHousehold, importHousehold } from '../server/services/household-transfer.ts';
import { listHouseholds } from '../server/services/households.ts';
import { computeLedgers, LedgerQuery } from '../server/services/ledgers.ts';
import { databaseConfigFromEnv, openStore, type Store } from '../store/database.ts';
import { seedDemoHousehold } from './demo-household.ts';
import { renderLedgers } from './ledger-table.ts';

const program = new Command();
program
  .name('as-written')
  .description("As Written: see whether a child's IEP or 504 plan is carried out as written.")
  .showHelpAfterError();

const dateOption = (value: string) => {
  if (!isIsoDate(value)) throw new InvalidArgumentError('must be a date written as YYYY-MM-DD');
  return value;
};

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(databaseConfigFromEnv());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function resolveHousehold(store: Store, given: string | undefined): Promise<string> {
  if (given) return given;
  const households = await listHouseholds(store);
  if (households.length === 1) return households[0]!.id;
  if (households.length === 0)
    throw new AppError('not_found', 'This database has no household yet (try: as-written demo)');
  const list = households.map((h) => `  ${h.id}  ${h.name}`).join('\n');
  throw new AppError(
    'validation_failed',
    `This database has ${households.length} households; choose one with --household:\n${list}`,
  );
}

program
  .command('serve', { isDefault: true })
  .description('start the web server (PORT, default 3000; HOST, default 127.0.0.1)')
  .action(async () => {
    const config = databaseConfigFromEnv();
    const store = await openStore(config);
    const app = await buildApp({ store });
    const port = Number(process.env.PORT ?? 3000);
    const host = process.env.HOST ?? '127.0.0.1';
    const shutdown = async (signal: string) => {
      app.log.info({ signal }, 'shutting down');
      await app.close();
      await store.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void shutdown('SIGINT'));
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    await app.listen({ port, host });
    app.log.info(
      { database: config.kind === 'sqlite' ? config.file : 'postgres' },
      `As Written is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    );
  });

program
  .command('demo')
  .description(
    "fill a demo household with the article's story (speech 2x30 a week, OT, reading, two months of sessions)",
  )
  .action(async () => {
    await withStore(async (store) => {
      const demo = await seedDemoHousehold(store, systemClock);
      process.stdout.write(
        [
          'Demo household created.',
          `  household: ${demo.householdId}`,
          `  child:     ${demo.childId}  (Emma)`,
          `  speech:    ${demo.services.speech}`,
          `  OT:        ${demo.services.ot}`,
          `  reading:   ${demo.services.reading}`,
          '',
          'Try:',
          `  npx as-written ledger --child ${demo.childId} --from 2026-09-01 --to 2026-10-31`,
          '',
        ].join('\n'),
      );
    });
  });

program
  .command('ledger')
  .description('print the service ledger of a child (or one service) for a date range')
  .requiredOption('--child <id>', "the child's id")
  .option('--service <id>', 'only this service')
  .requiredOption('--from <date>', 'first day (YYYY-MM-DD)', dateOption)
  .requiredOption('--to <date>', 'last day (YYYY-MM-DD)', dateOption)
  .option('--as-of <date>', 'compute as of this day (default: today)', dateOption)
  .option('--group <grouping>', 'rows per: auto, week or month', 'auto')
  .option('--json', 'print JSON instead of a table')
  .action(
    async (opts: {
      child: string;
      service?: string;
      from: string;
      to: string;
      asOf?: string;
      group: string;
      json?: boolean;
    }) => {
      await withStore(async (store) => {
        const child = await store.db
          .selectFrom('child')
          .select(['id', 'household_id'])
          .where('id', '=', opts.child)
          .executeTakeFirst();
        if (!child) throw new AppError('not_found', `Child ${opts.child} was not found`);
        const parsed = LedgerQuery.safeParse({
          from: opts.from,
          to: opts.to,
          asOf: opts.asOf,
          grouping: opts.group,
        });
        if (!parsed.success)
          throw new AppError(
            'validation_failed',
            parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; '),
          );
        let ledgers = await computeLedgers(
          store.db,
          child.household_id,
          { childId: child.id },
          parsed.data,
          systemClock.today(),
        );
        if (opts.service) {
          ledgers = ledgers.filter((l) => l.serviceId === opts.service);
          if (ledgers.length === 0)
            throw new AppError('not_found', `Service ${opts.service} is not one of this child's services`);
        }
        process.stdout.write(opts.json ? `${JSON.stringify(ledgers, null, 2)}\n` : renderLedgers(ledgers));
      });
    },
  );

program
  .command('export')
  .description('write a whole household as JSON (format as-written/1) to standard output')
  .option('--household <id>', 'which household (needed when there are several)')
  .action(async (opts: { household?: string }) => {
    await withStore(async (store) => {
      const id = await resolveHousehold(store, opts.household);
      const doc = await exportHousehold(store, id, systemClock.now());
      process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    });
  });

program
  .command('import <file>')
  .description('import a household export into this database')
  .action(async (file: string) => {
    await withStore(async (store) => {
      let doc: unknown;
      try {
        doc = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new AppError(
          'validation_failed',
          `Could not read ${file} as JSON: ${(error as Error).message}`,
        );
      }
      const result = await importHousehold(store, doc);
      const counts = Object.entries(result.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      process.stdout.write(`Imported household ${result.householdId}: ${counts}\n`);
    });
  });

program
  .command('households')
  .description('list the households in this database')
  .action(async () => {
    await withStore(async (store) => {
      for (const h of await listHouseholds(store)) process.stdout.write(`${h.id}  ${h.name}\n`);
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof AppError) {
    process.stderr.write(`as-written: ${error.message}\n`);
    for (const f of error.fields ?? []) process.stderr.write(`  ${f.path}: ${f.message}\n`);
  } else {
    process.stderr.write(`as-written: ${(error as Error).message}\n`);
  }
  process.exitCode = 1;
}
