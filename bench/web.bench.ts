// Web benchmarks, printed as figures and ratios against a baseline measured in the same run:
//  1. the gzipped size of the JavaScript needed for the first screen (goal: at most 150 KB), with
//     the message catalog of the active language (the largest catalog counts: issue 17);
//  2. the median latency of the home screen's API call (this week's summary) under 50 concurrent
//     clients, next to a bare Fastify route serving a small JSON in the same process.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { WEB_DIST, webBuildExists } from '../src/server/web.ts';
import { startDemoServer } from './demo-server.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const REQUESTS_PER_CLIENT = Number(process.env.BENCH_REQUESTS ?? 40);

function firstScreenJs(): { files: { file: string; gzipBytes: number }[]; totalGzipBytes: number } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) refs.add(m[1]!);
  const gzipped = (ref: string) => {
    const bytes = readFileSync(join(WEB_DIST, ref.replace(/^\//, '')));
    return { file: ref, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  };
  const files = [...refs].map(gzipped);
  // The active language's catalog parts for the first screen load before it is drawn
  // (web/i18n/i18n.tsx): "app" (the frame) and "week" (the home screen) when it has one. Counted for
  // the language whose parts are largest, as the worst case of any reader.
  const FIRST_SCREEN_PARTS = ['app', 'week'];
  const byLanguage = new Map<string, { file: string; gzipBytes: number }[]>();
  for (const name of readdirSync(join(WEB_DIST, 'assets'))) {
    const m = /^catalog\.([^.]+)\.([^.]+)\.[^.]+\.js$/.exec(name);
    if (!m || !FIRST_SCREEN_PARTS.includes(m[2]!)) continue;
    if (!byLanguage.has(m[1]!)) byLanguage.set(m[1]!, []);
    byLanguage.get(m[1]!)!.push(gzipped(`/assets/${name}`));
  }
  const sum = (fs: { gzipBytes: number }[]) => fs.reduce((s, f) => s + f.gzipBytes, 0);
  const largest = [...byLanguage.values()].sort((a, b) => sum(b) - sum(a))[0];
  if (!largest) throw new Error('No message catalog in the web build (assets/catalog.*.app.*.js)');
  files.push(...largest);
  return { files, totalGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) };
}

async function load(url: string, headers: Record<string, string>) {
  const latencies: number[] = [];
  let failures = 0;
  const client = async () => {
    for (let i = 0; i < REQUESTS_PER_CLIENT; i++) {
      const t0 = performance.now();
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) failures++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return {
    requests: latencies.length,
    failures,
    medianMs: pct(0.5),
    p95Ms: pct(0.95),
    requestsPerSecond: latencies.length / seconds,
  };
}

async function main() {
  if (!webBuildExists()) throw new Error('Build the web app first: npm run build:web');
  const js = firstScreenJs();

  const server = await startDemoServer('as-written-bench-');
  const { demo, base, cookie } = server;

  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true, at: '2026-10-29' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const barePort = (bare.server.address() as { port: number }).port;

  const homeUrl = `${base}/api/households/${demo.householdId}/children/${demo.childId}/week?date=2026-10-29`;
  // Warm both up, then alternate so neither gets a cold or a hot machine.
  await load(homeUrl, { cookie });
  await load(`http://127.0.0.1:${barePort}/bare`, {});
  const baseline1 = await load(`http://127.0.0.1:${barePort}/bare`, {});
  const home1 = await load(homeUrl, { cookie });
  const home2 = await load(homeUrl, { cookie });
  const baseline2 = await load(`http://127.0.0.1:${barePort}/bare`, {});
  const median = (a: number, b: number) => (a + b) / 2;
  const homeMedian = median(home1.medianMs, home2.medianMs);
  const bareMedian = median(baseline1.medianMs, baseline2.medianMs);

  await server.close();
  await bare.close();

  const report = {
    at: new Date().toISOString(),
    node: process.version,
    firstScreenJs: {
      ...js,
      totalGzipKB: +(js.totalGzipBytes / 1024).toFixed(1),
      goalKB: 150,
      met: js.totalGzipBytes <= 150 * 1024,
    },
    homeScreenApi: {
      clients: CLIENTS,
      requestsPerClient: REQUESTS_PER_CLIENT,
      homeMedianMs: +homeMedian.toFixed(2),
      bareMedianMs: +bareMedian.toFixed(2),
      ratio: +(homeMedian / bareMedian).toFixed(2),
      home: [home1, home2],
      bare: [baseline1, baseline2],
    },
  };
  mkdirSync(resolve(import.meta.dirname, 'out'), { recursive: true });
  writeFileSync(resolve(import.meta.dirname, 'out/web-bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  const line = (s: string) => process.stdout.write(`${s}\n`);
  line('== Web benchmark');
  line(
    `First-screen JavaScript (gzip): ${report.firstScreenJs.totalGzipKB} KB in ${js.files.length} file(s); goal <= 150 KB: ${report.firstScreenJs.met ? 'met' : 'NOT met'}`,
  );
  line(
    `Home screen API under ${CLIENTS} concurrent clients: median ${homeMedian.toFixed(2)} ms (p95 ${Math.max(home1.p95Ms, home2.p95Ms).toFixed(2)} ms, ${Math.round(home1.requestsPerSecond)} req/s)`,
  );
  line(
    `Bare Fastify route, same run:                 median ${bareMedian.toFixed(2)} ms (${Math.round(baseline1.requestsPerSecond)} req/s)`,
  );
  line(`Ratio home / bare: ${report.homeScreenApi.ratio}x`);
  if (home1.failures + home2.failures > 0)
    line(`WARNING: ${home1.failures + home2.failures} home requests did not answer 200`);
}

await main();
