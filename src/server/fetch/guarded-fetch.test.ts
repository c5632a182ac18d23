import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FetchPolicy,
  FetchRefused,
  guardedFetch,
  isPublicAddress,
  normalizeFeedUrl,
} from './guarded-fetch.ts';

// The guard on addresses a parent types: public addresses only (unless the admin allows more), http(s)
// only, redirects checked again, and limits on size and time. Real sockets on 127.0.0.1: a server the
// guard refuses by default, and reads when its host:port is allowed.

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    'fc00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    'ff02::1',
    'not an address',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('normalizeFeedUrl', () => {
  it('reads webcal:// as https://', () => {
    expect(normalizeFeedUrl(' webcal://district.example.org/cal.ics ').toString()).toBe(
      'https://district.example.org/cal.ics',
    );
  });

  it.each([
    ['file:///etc/passwd', /only http and https/],
    ['ftp://example.org/cal.ics', /only http and https/],
    ['gopher://example.org', /only http and https/],
    ['not a url', /not a web address/],
    ['https://user:secret@example.org/cal.ics', /user name or password/],
  ])('refuses %s', (text, message) => {
    expect(() => normalizeFeedUrl(text)).toThrow(message);
  });
});

describe('guardedFetch against real sockets', () => {
  let server: http.Server;
  let other: http.Server;
  let base = '';
  let otherBase = '';
  let hostPort = '';
  const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

  beforeAll(async () => {
    other = http.createServer((_req, res) => res.end(ICS));
    server = http.createServer((req, res) => {
      if (req.url === '/cal.ics') return res.end(ICS);
      if (req.url === '/hop') return res.writeHead(302, { location: '/cal.ics' }).end();
      if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (req.url === '/elsewhere') return res.writeHead(302, { location: `${otherBase}/cal.ics` }).end();
      if (req.url === '/file') return res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      if (req.url === '/big') return res.end(Buffer.alloc(64 * 1024, 'x'));
      if (req.url === '/big-chunked') {
        res.writeHead(200, { 'transfer-encoding': 'chunked' });
        for (let i = 0; i < 8; i++) res.write(Buffer.alloc(16 * 1024, 'y'));
        return res.end();
      }
      if (req.url === '/slow') return setTimeout(() => res.end(ICS), 2_000);
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
    hostPort = `127.0.0.1:${port}`;
    otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    other.closeAllConnections();
    await new Promise((r) => server.close(r));
    await new Promise((r) => other.close(r));
  });

  const allowed = (more: Partial<FetchPolicy> = {}): FetchPolicy => ({
    allowPrivate: false,
    allowHosts: [hostPort],
    maxBytes: 32 * 1024,
    timeoutMs: 1_000,
    ...more,
  });

  it('refuses a loopback address by default, by address and by name', async () => {
    const policy = { allowPrivate: false, maxBytes: 1024, timeoutMs: 1_000 };
    await expect(guardedFetch(`${base}/cal.ics`, policy)).rejects.toThrow(/private or local network address/);
    await expect(guardedFetch(base.replace('127.0.0.1', 'localhost') + '/cal.ics', policy)).rejects.toThrow(
      /private or local network address/,
    );
  });

  it('reads an allowed host, following a redirect on it', async () => {
    const read = await guardedFetch(`${base}/hop`, allowed());
    expect(read.bytes.toString()).toBe(ICS);
    expect(read.url).toBe(`${base}/cal.ics`);
  });

  it('checks every redirect again: another private host, another scheme, too many hops', async () => {
    await expect(guardedFetch(`${base}/elsewhere`, allowed())).rejects.toThrow(/private or local network/);
    await expect(guardedFetch(`${base}/file`, allowed())).rejects.toThrow(/only http and https/);
    await expect(guardedFetch(`${base}/loop`, allowed())).rejects.toThrow(/more than 5 redirects/);
  });

  it('refuses an answer over the size limit, declared or streamed', async () => {
    await expect(guardedFetch(`${base}/big`, allowed())).rejects.toThrow(/more than the 32 KB/);
    await expect(guardedFetch(`${base}/big-chunked`, allowed())).rejects.toThrow(/more than the 32 KB/);
  });

  it('gives up after the time limit, and names an answer that is not the calendar', async () => {
    await expect(guardedFetch(`${base}/slow`, allowed({ timeoutMs: 300 }))).rejects.toThrow(
      /did not answer within/,
    );
    await expect(guardedFetch(`${base}/missing`, allowed())).rejects.toThrow(/answered 404/);
  });

  it('names an address that does not answer', async () => {
    const error = await guardedFetch('http://127.0.0.1:1/cal.ics', {
      ...allowed(),
      allowPrivate: true,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchRefused);
    expect(String(error)).toMatch(/could not be reached/);
  });
});
