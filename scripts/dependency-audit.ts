// A report of the dependencies' known vulnerabilities, for CI (.ci/run) and anyone curious:
// `npm audit` (advisories for every installed package, production ones counted apart), or, where
// the advisories endpoint cannot be reached, `npm audit signatures` (whether every package from the
// registry carries a valid registry signature). It never fails: a finding is for a person to weigh,
// and a network outage says nothing about the code. It prints the counts on one line each.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

type AuditJson = {
  metadata?: { vulnerabilities?: Record<string, number>; dependencies?: Record<string, number> };
  error?: { summary?: string };
  /** npm's answer when the endpoint itself refused ("405 Method Not Allowed - POST ..."). */
  message?: string;
};

function npm(args: string[]) {
  const run = spawnSync('npm', args, {
    encoding: 'utf8',
    timeout: 120_000,
    shell: process.platform === 'win32',
  });
  return { status: run.status, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

function counts(label: string, args: string[]): boolean {
  const run = npm(['audit', '--json', ...args]);
  let parsed: AuditJson;
  try {
    parsed = JSON.parse(run.stdout) as AuditJson;
  } catch {
    parsed = {};
  }
  const v = parsed.metadata?.vulnerabilities;
  if (!v) {
    const why =
      parsed.message || parsed.error?.summary || run.stderr.split('\n').find((l) => l.trim()) || 'no answer';
    process.stdout.write(`[audit] ${label}: the advisories could not be read (${why.trim()})\n`);
    return false;
  }
  process.stdout.write(
    `[audit] ${label}: ${v.total ?? 0} known vulnerabilities (critical ${v.critical ?? 0}, high ${v.high ?? 0}, moderate ${v.moderate ?? 0}, low ${v.low ?? 0}, info ${v.info ?? 0}) in ${parsed.metadata?.dependencies?.total ?? '?'} packages\n`,
  );
  return true;
}

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8')) as {
  packages?: Record<string, { dev?: boolean }>;
};
const installed = Object.keys(lock.packages ?? {}).filter((k) => k !== '');
process.stdout.write(
  `[audit] package-lock.json: ${installed.length} packages (${installed.filter((k) => !lock.packages![k]!.dev).length} for production)\n`,
);
const all = counts('all packages', []);
if (all) counts('production packages', ['--omit=dev']);
else {
  const signatures = npm(['audit', 'signatures']);
  const lines = `${signatures.stdout}\n${signatures.stderr}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /verified|invalid|missing|signature|attestation/i.test(l) && !/^npm (error|warn)/.test(l));
  if (signatures.status === 0 && lines.length > 0)
    for (const l of lines) process.stdout.write(`[audit] signatures: ${l}\n`);
  else
    process.stdout.write(
      `[audit] signatures: could not be checked (${(signatures.stderr.split('\n').find((l) => /network request|reason|ENOTFOUND|EAI_AGAIN/.test(l) && /http|reason/.test(l)) ?? signatures.stderr.split('\n').find((l) => /error/i.test(l)) ?? 'no answer').replace(/^npm error (network )?/, '').trim()})\n`,
    );
}
process.exit(0);
