import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { type ApiErrorKey, apiWords } from '../../domain/api-errors.ts';
import type { MessageWords } from '../../domain/errors.ts';

// Reading an address a parent typed (a district calendar's feed) from the server: the server must not
// become a way to reach what only it can reach (the database port, a cloud metadata service, the
// admin page of a router on its network). So: http(s) only (webcal:// read as https://); every address
// a name resolves to must be public unless the server's admin allows private ones (or names a host:port
// that may be read); the check is made on the address actually connected to (in the socket's lookup,
// so a name cannot resolve one way for the check and another for the connection); every redirect is
// checked again; and the answer has a size and a time limit.

/**
 * Why an address was not read, in words for the person who typed it: its English, which follows "The
 * calendar address", and its words (the catalog part `apierror`, `fetch.*`) for another language.
 */
export class FetchRefused extends Error {
  readonly words: MessageWords;

  constructor(key: ApiErrorKey, values?: Record<string, string>) {
    const said = apiWords(key, values);
    super(said.message);
    this.words = said.words;
  }
}

export type FetchPolicy = {
  /** Allow private, loopback and link-local addresses (a server admin's choice; off by default). */
  allowPrivate: boolean;
  /** Hosts ("host:port") that may be read even when private, for an admin's own calendar server. */
  allowHosts?: readonly string[];
  /** The most bytes an answer may hold. */
  maxBytes: number;
  /** The whole read, redirects included, in milliseconds. */
  timeoutMs: number;
  /** How many redirects are followed. */
  maxRedirects?: number;
};

export const DEFAULT_FETCH_POLICY: FetchPolicy = {
  allowPrivate: false,
  maxBytes: 2 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
};

const NOT_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const)
  NOT_PUBLIC.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is on the public internet (not private, loopback, link-local or reserved). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const lower = address.toLowerCase();
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPublicAddress(mapped[1] as string);
  if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(lower)) {
    const [hi, lo] = lower
      .slice(7)
      .split(':')
      .map((h) => Number.parseInt(h, 16)) as [number, number];
    return isPublicAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  return !NOT_PUBLIC.check(address, 'ipv6');
}

/** The address as it is read: webcal:// is the calendar's own name for https://. */
export function normalizeFeedUrl(text: string): URL {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed.replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    throw new FetchRefused('fetch.notAddress');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new FetchRefused('fetch.scheme', { scheme: url.protocol.replace(':', '') });
  if (url.username || url.password) throw new FetchRefused('fetch.credentials');
  return url;
}

function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function hostAllowed(url: URL, policy: FetchPolicy): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return policy.allowPrivate || (policy.allowHosts ?? []).includes(`${host}:${portOf(url)}`);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The socket's own lookup: every address the name resolves to must be allowed. */
function checkedLookup(url: URL, policy: FetchPolicy) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number | string },
    callback: LookupCallback,
  ) => {
    const family = typeof options.family === 'number' ? options.family : 0;
    dnsLookup(hostname, { all: true, family }, (err, addresses) => {
      if (err) {
        callback(
          Object.assign(new FetchRefused('fetch.notFound', { host: hostname }), { code: err.code }),
          [],
        );
        return;
      }
      const bad = addresses.find((a) => !isPublicAddress(a.address));
      if (bad && !hostAllowed(url, policy)) {
        callback(
          Object.assign(new FetchRefused('fetch.private', { address: bad.address }), {
            code: 'EREFUSED_PRIVATE',
          }),
          [],
        );
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, (addresses[0] as LookupAddress).address, (addresses[0] as LookupAddress).family);
    });
  };
}

export type FetchedFile = { bytes: Buffer; url: string; contentType: string | null };

/** One request, no redirect followed: the answer's status, its Location, and its body within the limit. */
function requestOnce(
  url: URL,
  policy: FetchPolicy,
  signal: AbortSignal,
): Promise<{ status: number; location: string | null; bytes: Buffer; contentType: string | null }> {
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(literal) && !isPublicAddress(literal) && !hostAllowed(url, policy))
    return Promise.reject(new FetchRefused('fetch.private', { address: literal }));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        signal,
        lookup: checkedLookup(url, policy) as never,
        headers: {
          accept: 'text/calendar, text/plain;q=0.9, */*;q=0.5',
          'user-agent': 'AsWritten/1 (calendar)',
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        const contentType = res.headers['content-type'] ?? null;
        if (status >= 300 && status < 400) {
          res.resume();
          resolve({ status, location, bytes: Buffer.alloc(0), contentType });
          return;
        }
        const declared = Number(res.headers['content-length'] ?? Number.NaN);
        if (declared > policy.maxBytes) {
          res.destroy();
          reject(
            new FetchRefused('fetch.tooLargeDeclared', {
              size: sizeWords(declared),
              max: sizeWords(policy.maxBytes),
            }),
          );
          return;
        }
        const parts: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > policy.maxBytes) {
            res.destroy();
            reject(new FetchRefused('fetch.tooLarge', { max: sizeWords(policy.maxBytes) }));
            return;
          }
          parts.push(chunk);
        });
        res.on('end', () => resolve({ status, location, bytes: Buffer.concat(parts), contentType }));
        res.on('error', reject);
      },
    );
    req.on('error', (error) => reject(error));
    req.end();
  });
}

function sizeWords(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Read an address under the policy: the body of its final answer (200), redirects followed and checked
 * again. Every failure is a FetchRefused with words for the parent (the address "could not be found",
 * "did not answer within 15 seconds", "answered 404"...).
 */
export async function guardedFetch(
  address: string,
  policy: FetchPolicy = DEFAULT_FETCH_POLICY,
): Promise<FetchedFile> {
  let url = normalizeFeedUrl(address);
  const signal = AbortSignal.timeout(policy.timeoutMs);
  const maxRedirects = policy.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    let answer: Awaited<ReturnType<typeof requestOnce>>;
    try {
      answer = await requestOnce(url, policy, signal);
    } catch (error) {
      if (error instanceof FetchRefused) throw error;
      if (signal.aborted)
        throw new FetchRefused('fetch.timeout', { seconds: String(Math.round(policy.timeoutMs / 1000)) });
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof Error && error.cause instanceof FetchRefused) throw error.cause;
      throw code
        ? new FetchRefused('fetch.unreachableCode', { code })
        : new FetchRefused('fetch.unreachable');
    }
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      if (hop >= maxRedirects) throw new FetchRefused('fetch.redirects', { max: String(maxRedirects) });
      let next: URL;
      try {
        next = new URL(answer.location, url);
      } catch {
        throw new FetchRefused('fetch.badRedirect');
      }
      url = normalizeFeedUrl(next.toString());
      continue;
    }
    if (answer.status !== 200) throw new FetchRefused('fetch.status', { status: String(answer.status) });
    return { bytes: answer.bytes, url: url.toString(), contentType: answer.contentType };
  }
}
