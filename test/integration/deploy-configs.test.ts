import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The example reverse-proxy configurations in deploy/ (docs/deploy.md), checked by each proxy's own
// config test when the proxy is installed (Debian: apt-get install nginx-light caddy); skipped if not.

const DEPLOY = resolve(import.meta.dirname, '../../deploy');
const installed = (command: string) => spawnSync(command, ['-v'], { stdio: 'ignore' }).error === undefined;

describe('the example proxy configurations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'as-written-deploy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!installed('nginx'))('pass nginx -t (with a throwaway certificate)', () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=iep.example.org',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const conf = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8')
      .replace('/etc/letsencrypt/live/iep.example.org/fullchain.pem', join(dir, 'cert.pem'))
      .replace('/etc/letsencrypt/live/iep.example.org/privkey.pem', join(dir, 'key.pem'));
    writeFileSync(join(dir, 'nginx.conf'), conf);
    const result = spawnSync(
      'nginx',
      [
        '-t',
        '-c',
        join(dir, 'nginx.conf'),
        '-g',
        `pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};`,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toContain('test is successful');
    expect(result.status).toBe(0);
  });

  it.skipIf(!installed('caddy'))('pass caddy validate', () => {
    const result = spawnSync(
      'caddy',
      ['validate', '--config', join(DEPLOY, 'Caddyfile'), '--adapter', 'caddyfile'],
      {
        encoding: 'utf8',
      },
    );
    expect(`${result.stdout}${result.stderr}`).toContain('Valid configuration');
    expect(result.status).toBe(0);
  });
});
