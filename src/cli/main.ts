import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { SetupInput } from '../api/auth.ts';
import { LedgerQuery } from '../api/ledger.ts';
import { isIsoDate } from '../domain/dates.ts';
import { mailerFromEnv } from '../server/auth/mailer.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { idSource, systemClock } from '../server/context.ts';
import { AppError, parseOrThrow } from '../server/errors.ts';
import { startServer } from '../server/serve.ts';
import {
  createResetToken,
  createUser,
  findUserByEmail,
  setLanguage,
  userCount,
} from '../server/services/accounts.ts';
import { exportHousehold, importHousehold } from '../server/services/household-transfer.ts';
import { listHouseholds } from '../server/services/households.ts';
import { computeLedgers } from '../server/services/ledgers.ts';
import { sendDueReminders } from '../server/services/reminder-mail.ts';
import { verifyHousehold } from '../server/services/verify.ts';
import { webBuildExists } from '../server/web.ts';
import { createBackup, integrityCheck, openBackup, restoreBackup } from '../store/backup.ts';
import { findCrossHouseholdReferences, removeCrossHouseholdReferences } from '../store/cross-household.ts';
import {
  databaseConfigFromEnv,
  HOUSEHOLD_KEYS_MIGRATION,
  migrateBefore,
  migrateToLatest,
  openStore,
  type Store,
} from '../store/database.ts';
import { writeFileAtomically } from '../store/files.ts';
import { readCalendarFile, renderCalendarDraft } from './calendar-read.ts';
import { seedDemoHousehold } from './demo-household.ts';
import { DEMO_LANGUAGES, type DemoLanguage, isDemoLanguage } from './demo-words.ts';
import { readIepFile, renderIepDraft } from './iep-read.ts';
import { renderLedgers } from './ledger-table.ts';

const DEMO_EMAIL = 'demo@example.com';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 10 characters), then Enter: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

const program = new Command();
program
  .name('as-written')
  .description("As Written: see whether a child's IEP or 504 plan is carried out as written.")
  .showHelpAfterError();

const demoLanguageOption = (value: string): DemoLanguage => {
  if (!isDemoLanguage(value)) throw new InvalidArgumentError(`must be ${DEMO_LANGUAGES.join(' or ')}`);
  return value;
};

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
    if (!webBuildExists()) {
      // A fresh clone has no built web app: build it once (a few seconds), then serve it.
      process.stderr.write('Building the web app (first start only)...\n');
      const { build } = await import('vite');
      await build({
        configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
        logLevel: 'warn',
      });
    }
    const config = databaseConfigFromEnv();
    const store = await openStore(config);
    const trustProxy = process.env.TRUST_PROXY?.trim();
    const backupDir = process.env.AS_WRITTEN_BACKUP_DIR?.trim();
    const graceSeconds = secondsFromEnv('AS_WRITTEN_SHUTDOWN_GRACE_SECONDS', 20);
    const server = await startServer({
      store,
      mailer: mailerFromEnv(),
      publicUrl: process.env.PUBLIC_URL?.trim() || undefined,
      trustProxy: trustProxy ? (trustProxy === 'true' ? true : trustProxy) : false,
      uploadLimitBytes: uploadLimitFromEnv(),
      emailImport: importLimitFromEnv(),
      fetchPolicy: fetchPolicyFromEnv(),
      iepUploadLimitBytes: megabytesFromEnv('AS_WRITTEN_IEP_UPLOAD_LIMIT_MB'),
      jobRunner: jobRunnerFromEnv(config.kind),
      jobStopGraceMs: graceSeconds * 1000,
      metricsToken: process.env.AS_WRITTEN_METRICS_TOKEN?.trim() || null,
      port: Number(process.env.PORT ?? 3000),
      host: process.env.HOST ?? '127.0.0.1',
      // Scheduled backups with rotation, when AS_WRITTEN_BACKUP_DIR is set.
      backup: backupDir
        ? {
            dir: backupDir,
            everyMs: Number(process.env.AS_WRITTEN_BACKUP_EVERY_HOURS || 24) * 60 * 60 * 1000,
            keep: Math.max(1, Number(process.env.AS_WRITTEN_BACKUP_KEEP || 7)),
            passphrase: process.env.AS_WRITTEN_BACKUP_PASSPHRASE || null,
          }
        : null,
    });
    const { app } = server;
    // SIGTERM (a service manager, a container stopping) or SIGINT (Ctrl-C): stop taking requests,
    // finish those under way and the job in flight, close the database, exit. A second signal, or a
    // shutdown that takes far longer than its grace, exits at once.
    const shutdown = (signal: string) => {
      process.once(signal, () => process.exit(1));
      setTimeout(
        () => {
          app.log.error({ signal }, 'shutdown took too long; exiting');
          process.exit(1);
        },
        (graceSeconds + 15) * 1000,
      ).unref();
      server.stop(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          app.log.error({ err: error instanceof Error ? error.message : String(error) }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    app.log.info(
      {
        database: config.kind === 'sqlite' ? config.file : 'postgres',
        jobs: jobRunnerFromEnv(config.kind),
      },
      `As Written is running at ${server.address.replace('0.0.0.0', 'localhost')}`,
    );
  });

program
  .command('remind')
  .description("send today's reminder emails now (needs SMTP_URL; the server also does this every hour)")
  .action(async () => {
    const mailer = mailerFromEnv();
    if (!mailer.enabled) {
      process.stderr.write('Reminder emails need SMTP_URL (and MAIL_FROM); nothing was sent.\n');
      process.exitCode = 1;
      return;
    }
    await withStore(async (store) => {
      const run = await sendDueReminders(store, mailer, systemClock, process.env.PUBLIC_URL?.trim() || null);
      process.stdout.write(`${run.emails} email(s) sent with ${run.reminders} reminder(s).\n`);
    });
  });

program
  .command('demo')
  .description(
    "fill a demo household with the article's story (speech 2x30 a week, OT, reading), in the school year up to last week",
  )
  .option(
    '--lang <language>',
    "the language of the demo's texts, en or es (default en); also the demo account's language",
    demoLanguageOption,
  )
  .action(async (opts: { lang?: DemoLanguage }) => {
    const language = opts.lang ?? 'en';
    await withStore(async (store) => {
      const env = { clock: systemClock, newId: idSource(systemClock) };
      const password = `demo-${randomBytes(9).toString('base64url')}`;
      const existing = await findUserByEmail(store, DEMO_EMAIL);
      let userId: string;
      if (existing) {
        // Each run prints a fresh password for the demo account, so the login shown always works.
        await store.db
          .updateTable('user_account')
          .set({ password_hash: await hashPassword(password), password_changed_at: systemClock.now() })
          .where('id', '=', existing.id)
          .execute();
        userId = existing.id;
      } else {
        userId = (
          await createUser(store, env, {
            email: DEMO_EMAIL,
            displayName: 'Demo parent',
            password,
          })
        ).user.id;
      }
      // With --lang, the demo account reads the app in the demo's language (as PUT /api/auth/language
      // would store it); without it, the account's language is left as it was.
      if (opts.lang) await setLanguage(store, env, userId, opts.lang);
      const demo = await seedDemoHousehold(store, systemClock, userId, language);
      process.stdout.write(
        [
          language === 'es' ? 'Demo household created, in Spanish.' : 'Demo household created.',
          `  household: ${demo.householdId}`,
          `  child:     ${demo.childId}  (Emma)`,
          `  speech:    ${demo.services.speech}`,
          `  OT:        ${demo.services.ot}`,
          `  reading:   ${demo.services.reading}`,
          '',
          `Sign in as ${DEMO_EMAIL} with the password: ${password}`,
          ...(opts.lang
            ? [`  (the app opens in ${opts.lang === 'es' ? 'Spanish' : 'English'} for this account)`]
            : []),
          '',
          'Try:',
          `  npx as-written ledger --child ${demo.childId} --from ${demo.schoolYear.storyFrom} --to ${demo.schoolYear.storyTo}`,
          `  (the story's first eight weeks of the ${demo.schoolYear.startYear}-${demo.schoolYear.startYear + 1} school year; ordinary weeks follow up to last week)`,
          ...(demo.renewal
            ? [
                `  The ${demo.renewal.schoolYear.startYear}-${demo.renewal.schoolYear.startYear + 1} school year has begun: the IEP renewed at the annual review and its weeks up to last week are there too.`,
              ]
            : []),
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

/** The backup passphrase: from a file (first line), or AS_WRITTEN_BACKUP_PASSPHRASE; never an argument (shell history). */
function backupPassphrase(file: string | undefined): string | null {
  if (file) return readFileSync(file, 'utf8').split(/\r?\n/)[0]!;
  return process.env.AS_WRITTEN_BACKUP_PASSPHRASE || null;
}

program
  .command('backup <file>')
  .description(
    'write the whole database (accounts, households, records, files) to one file; encrypted with AES-256-GCM when a passphrase is set',
  )
  .option(
    '--passphrase-file <file>',
    'read the passphrase from this file (or set AS_WRITTEN_BACKUP_PASSPHRASE)',
  )
  .action(async (file: string, opts: { passphraseFile?: string }) => {
    await withStore(async (store) => {
      const bytes = await createBackup(store, {
        passphrase: backupPassphrase(opts.passphraseFile),
        createdAt: systemClock.now(),
      });
      writeFileAtomically(file, bytes);
      process.stdout.write(`Backup written to ${file} (${bytes.length} bytes).\n`);
    });
  });

program
  .command('restore <file>')
  .description(
    'bring a backup back into this database (empty, or wiped first with --replace); then verifies it',
  )
  .option(
    '--passphrase-file <file>',
    'read the passphrase from this file (or set AS_WRITTEN_BACKUP_PASSPHRASE)',
  )
  .option('--replace', 'delete everything in this database first (in the same transaction)')
  .action(async (file: string, opts: { passphraseFile?: string; replace?: boolean }) => {
    const opened = openBackup(readFileSync(file), backupPassphrase(opts.passphraseFile));
    await withStore(async (store) => {
      const counts = await restoreBackup(store, opened, { replace: opts.replace });
      const check = await integrityCheck(store);
      if (check !== 'ok')
        throw new AppError('internal', `The restored database failed its integrity check: ${check}`);
      let broken = 0;
      for (const h of await listHouseholds(store)) {
        const result = await verifyHousehold(store, h.id);
        if (!result.ok) broken++;
      }
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      process.stdout.write(
        `Restored ${rows} rows from the backup of ${opened.header.createdAt}; ${broken === 0 ? 'every household verifies' : `${broken} household(s) do NOT verify`}.\n`,
      );
      if (broken > 0) process.exitCode = 1;
    });
  });

program
  .command('verify')
  .description(
    "check the paper trail: every household's journal hash chain, every record against the state its journal entries lead to, and every attachment's SHA-256 (exit code 1 when something was changed)",
  )
  .option('--household <id>', 'only this household')
  .option(
    '--expect-head <hash>',
    'also check a fingerprint written down earlier (the last hash shown by verify, the report or an export; its first 12 or more characters are enough): it must still be in the journal (needs --household when there are several households)',
  )
  .action(async (opts: { household?: string; expectHead?: string }) => {
    await withStore(async (store) => {
      const ids = opts.household ? [opts.household] : (await listHouseholds(store)).map((h) => h.id);
      if (opts.expectHead !== undefined && ids.length !== 1) {
        process.stderr.write(
          ids.length === 0
            ? 'There is no household to check the fingerprint against.\n'
            : `--expect-head checks one household: add --household <id> (there are ${ids.length}).\n`,
        );
        process.exitCode = 2;
        return;
      }
      let broken = 0;
      for (const id of ids) {
        let result: Awaited<ReturnType<typeof verifyHousehold>>;
        try {
          result = await verifyHousehold(store, id, { expectHead: opts.expectHead });
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
          process.stderr.write(`--expect-head ${error.fields?.[0]?.message ?? error.message}\n`);
          process.exitCode = 2;
          return;
        }
        const head = result.journal.headHash ? `, last hash ${result.journal.headHash}` : '';
        const expected = result.expectedHead;
        if (result.ok) {
          process.stdout.write(
            `${id}: OK (${result.journal.entries} journal entries${head}; ${result.records.checked} records match their journal; ${result.attachments.checked} files)\n`,
          );
          if (expected) process.stdout.write(`  ${expected.message}\n`);
          continue;
        }
        broken++;
        process.stdout.write(`${id}: NOT OK\n`);
        if (expected && !expected.found) process.stdout.write(`  ${expected.message}\n`);
        if (result.journal.problem) process.stdout.write(`  ${result.journal.problem.message}\n`);
        for (const p of result.records.problems) process.stdout.write(`  ${p.message}\n`);
        const unlisted = result.records.differing - result.records.problems.length;
        if (unlisted > 0)
          process.stdout.write(`  ... and ${unlisted} more records that differ from the journal\n`);
        for (const p of result.attachments.problems) process.stdout.write(`  ${p.message}\n`);
        for (const p of result.references.problems) process.stdout.write(`  ${p.message}\n`);
      }
      if (broken > 0) process.exitCode = 1;
    });
  });

program
  .command('repair')
  .description('repair what verify found that can be repaired without guessing')
  .option(
    '--cross-household',
    'remove records that name a record of another household (and what depends on them), with a journal entry for each',
  )
  .option('--dry-run', 'list what would be removed, change nothing')
  .action(async (opts: { crossHousehold?: boolean; dryRun?: boolean }) => {
    if (!opts.crossHousehold) {
      throw new AppError('validation_failed', 'Say what to repair: --cross-household');
    }
    // Migration 0015 refuses while such records exist: migrate only as far as the one before it,
    // repair, then finish the migrations.
    const store = await openStore(databaseConfigFromEnv(), { migrate: false });
    try {
      await migrateBefore(store, HOUSEHOLD_KEYS_MIGRATION);
      if (opts.dryRun) {
        const found = await findCrossHouseholdReferences(store.db);
        for (const f of found) {
          process.stdout.write(`${f.householdId}: ${f.table} ${f.id}: ${f.path} names ${f.targetId}\n`);
        }
        process.stdout.write(
          `${found.length} record(s) name a record of another household (dry run: nothing removed)\n`,
        );
        return;
      }
      const removed = await removeCrossHouseholdReferences(store, {
        now: systemClock.now(),
        newId: idSource(systemClock),
      });
      for (const r of removed)
        process.stdout.write(`${r.householdId}: removed ${r.table} ${r.id} (${r.reason})\n`);
      process.stdout.write(
        `${removed.length} record(s) removed; each removal is in its household's journal\n`,
      );
      await migrateToLatest(store);
    } finally {
      await store.close();
    }
  });

program
  .command('import <file>')
  .description('import a household export into this database')
  .option('--owner <email>', 'make this account the owner of the imported household')
  .action(async (file: string, opts: { owner?: string }) => {
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
      let owner: Parameters<typeof importHousehold>[2];
      if (opts.owner) {
        const account = await findUserByEmail(store, opts.owner);
        if (!account) throw new AppError('not_found', `No account uses ${opts.owner}`);
        owner = { ownerUserId: account.id, clock: systemClock, newId: idSource(systemClock) };
      }
      const result = await importHousehold(store, doc, owner);
      const counts = Object.entries(result.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ');
      process.stdout.write(`Imported household ${result.householdId}: ${counts}\n`);
    });
  });

const user = program.command('user').description('accounts on this server');

user
  .command('create')
  .description(
    'create an account (the first one becomes the owner of a new household); the password is read from standard input',
  )
  .requiredOption('--email <email>', 'their email')
  .requiredOption('--name <name>', 'their name, as shown to the household')
  .option(
    '--household <name>',
    'also create a household they own (default for the first account: "My family")',
  )
  .action(async (opts: { email: string; name: string; household?: string }) => {
    const password = (await readStdin()).replace(/\r?\n$/, '');
    await withStore(async (store) => {
      const first = (await userCount(store)) === 0;
      const input = parseOrThrow(SetupInput, {
        email: opts.email,
        displayName: opts.name,
        password,
        householdName: opts.household ?? (first ? 'My family' : 'unused'),
      });
      const created = await createUser(
        store,
        { clock: systemClock, newId: idSource(systemClock) },
        { ...input, householdName: opts.household ?? (first ? input.householdName : null) },
      );
      process.stdout.write(
        `Created ${created.user.email}${created.householdId ? ` (owner of household ${created.householdId})` : ''}\n`,
      );
    });
  });

user
  .command('reset-link <email>')
  .description('print a one-time password reset link (valid for one hour) for the person who runs the server')
  .action(async (email: string) => {
    await withStore(async (store) => {
      const created = await createResetToken(
        store,
        { clock: systemClock, newId: idSource(systemClock) },
        email,
      );
      if (!created) throw new AppError('not_found', `No account uses ${email}`);
      const base = process.env.PUBLIC_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
      process.stdout.write(`${base.replace(/\/$/, '')}/reset-password#token=${created.token}\n`);
      process.stdout.write('It works once, within one hour. Send it to them privately.\n');
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

const calendar = program.command('calendar').description('district school calendars');

calendar
  .command('read <file>')
  .description(
    'read a district calendar (.ics) and print what each event would be on the school calendar (nothing is saved)',
  )
  .option('--json', 'print JSON instead of a table')
  .action(async (file: string, opts: { json?: boolean }) => {
    const draft = await readCalendarFile(file);
    process.stdout.write(opts.json ? `${JSON.stringify(draft, null, 2)}\n` : renderCalendarDraft(draft));
  });

const iep = program.command('iep').description("a child's IEP or 504 plan document");

iep
  .command('read <file>')
  .description(
    'read an IEP or 504 plan (PDF, Word .docx, or a JPEG or PNG photo of a page) and print the draft to review: items to check first, each with its page and words (nothing is saved)',
  )
  .option('--json', 'print the draft as JSON (docs/iep-reader.md)')
  .action(async (file: string, opts: { json?: boolean }) => {
    const draft = await readIepFile(file);
    process.stdout.write(opts.json ? `${JSON.stringify(draft, null, 2)}\n` : renderIepDraft(draft));
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

/**
 * AS_WRITTEN_JOB_RUNNER: who runs background jobs. On PostgreSQL the default is pg-boss (several app
 * processes may share the database); `in-process` keeps the single-process runner. SQLite is always
 * in-process.
 */
function jobRunnerFromEnv(kind: 'sqlite' | 'postgres'): 'in-process' | 'pg-boss' {
  const raw = process.env.AS_WRITTEN_JOB_RUNNER?.trim().toLowerCase();
  if (raw && raw !== 'pg-boss' && raw !== 'in-process')
    throw new AppError(
      'validation_failed',
      `AS_WRITTEN_JOB_RUNNER must be pg-boss or in-process (found "${raw}")`,
    );
  if (kind === 'sqlite') {
    if (raw === 'pg-boss')
      throw new AppError(
        'validation_failed',
        'AS_WRITTEN_JOB_RUNNER=pg-boss needs PostgreSQL (DATABASE_URL)',
      );
    return 'in-process';
  }
  return raw === 'in-process' ? 'in-process' : 'pg-boss';
}

/** A whole number of seconds from the environment (0 to 3600), or the default when unset. */
function secondsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 3600)
    throw new AppError(
      'validation_failed',
      `${name} must be a whole number of seconds from 0 to 3600 (found "${raw}")`,
    );
  return n;
}

/** AS_WRITTEN_UPLOAD_LIMIT_MB: the largest attachment accepted, in megabytes (default 25). */
/** AS_WRITTEN_IMPORT_MAX_MESSAGES: the most messages one email import takes (default 5,000). */
function importLimitFromEnv(): { maxMessages: number } | undefined {
  const raw = process.env.AS_WRITTEN_IMPORT_MAX_MESSAGES?.trim();
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    throw new AppError(
      'validation_failed',
      `AS_WRITTEN_IMPORT_MAX_MESSAGES must be a whole number of messages between 1 and 1,000,000 (found "${raw}")`,
    );
  }
  return { maxMessages: n };
}

/**
 * AS_WRITTEN_FETCH_ALLOW_PRIVATE=true lets the server read district calendars on private, loopback
 * and link-local addresses (off by default); AS_WRITTEN_FETCH_ALLOW_HOSTS=host:port,... allows only
 * those (a district calendar server on the organisation's own network).
 */
function fetchPolicyFromEnv(): { allowPrivate: boolean; allowHosts: string[] } {
  const allow = process.env.AS_WRITTEN_FETCH_ALLOW_PRIVATE?.trim().toLowerCase();
  if (allow && allow !== 'true' && allow !== 'false')
    throw new AppError(
      'validation_failed',
      `AS_WRITTEN_FETCH_ALLOW_PRIVATE must be true or false (found "${allow}")`,
    );
  const hosts = (process.env.AS_WRITTEN_FETCH_ALLOW_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of hosts)
    if (!/^[a-z0-9.:-]+:\d+$/.test(h) && !/^\[[0-9a-f:]+\]:\d+$/.test(h))
      throw new AppError(
        'validation_failed',
        `AS_WRITTEN_FETCH_ALLOW_HOSTS must list host:port pairs separated by commas (found "${h}")`,
      );
  return { allowPrivate: allow === 'true', allowHosts: hosts.map((h) => h.replace(/^\[|\](?=:)/g, '')) };
}

/** A limit in megabytes from the environment (between 0 and 1024), in bytes; undefined when unset. */
function megabytesFromEnv(name: string): number | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 1024)
    throw new AppError(
      'validation_failed',
      `${name} must be a number of megabytes between 0 and 1024 (found "${raw}")`,
    );
  return Math.floor(mb * 1024 * 1024);
}

function uploadLimitFromEnv(): number | undefined {
  const raw = process.env.AS_WRITTEN_UPLOAD_LIMIT_MB?.trim();
  if (!raw) return undefined;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 1024) {
    throw new AppError(
      'validation_failed',
      `AS_WRITTEN_UPLOAD_LIMIT_MB must be a number of megabytes between 0 and 1024 (found "${raw}")`,
    );
  }
  return Math.round(mb * 1024 * 1024);
}
