// Evidence benchmark, printed as figures and ratios against baselines measured in the same run:
//  1. uploading a 12-megapixel phone photo (type check, SHA-256, decode, thumbnail, one transaction)
//     next to a bare Fastify route that receives the same bytes and throws them away;
//  2. the week's check-in questions for the demo child next to a bare JSON route;
//  3. the process's peak memory (RSS) while uploading, next to its RSS before the first upload.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify from 'fastify';
import sharp from 'sharp';
import { startDemoServer } from './demo-server.ts';

const PHOTOS = Number(process.env.BENCH_PHOTOS ?? 12);
const QUESTION_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** A photo-like JPEG: 4000 x 3000 of noise over a gradient (noise keeps it from compressing away). */
async function photo(seed: number): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  let x = seed * 2654435761;
  for (let i = 0; i < pixels.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    pixels[i] = ((i / 3) % width) / 16 + (x >>> 27);
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .toBuffer();
}

async function timed(work: () => Promise<Response>): Promise<number> {
  const t0 = performance.now();
  const res = await work();
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`unexpected status ${res.status}`);
  return performance.now() - t0;
}

async function main() {
  const server = await startDemoServer('as-written-evidence-');
  const { demo, base, cookie, csrf } = server;

  const bare = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });
  bare.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_r, body, done) =>
    done(null, body),
  );
  bare.post('/bare-upload', async (request) => ({ bytes: (request.body as Buffer).length }));
  bare.get('/bare', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const photos: Buffer[] = [];
  for (let i = 0; i < PHOTOS; i++) photos.push(await photo(i + 1));
  const sizes = photos.map((p) => p.length);

  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sample = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 5);
  const uploadMs: number[] = [];
  const bareMs: number[] = [];
  for (const [i, bytes] of photos.entries()) {
    bareMs.push(
      await timed(() =>
        fetch(`${bareBase}/bare-upload`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: new Uint8Array(bytes),
        }),
      ),
    );
    uploadMs.push(
      await timed(() =>
        fetch(`${base}/api/households/${demo.householdId}/attachments?filename=photo-${i}.jpg`, {
          method: 'POST',
          headers: {
            'content-type': 'application/octet-stream',
            cookie,
            'x-csrf-token': csrf,
            origin: base,
          },
          body: new Uint8Array(bytes),
        }),
      ),
    );
  }
  clearInterval(sample);

  const questionsUrl = `${base}/api/households/${demo.householdId}/children/${demo.childId}/check-in-questions?date=2026-10-19`;
  const questionMs: number[] = [];
  const bareJsonMs: number[] = [];
  for (let i = 0; i < QUESTION_REQUESTS; i++) {
    questionMs.push(await timed(() => fetch(questionsUrl, { headers: { cookie } })));
    bareJsonMs.push(await timed(() => fetch(`${bareBase}/bare`)));
  }

  await server.close();
  await bare.close();

  const report = {
    at: new Date().toISOString(),
    node: process.version,
    upload: {
      photos: PHOTOS,
      medianPhotoMB: +(median(sizes) / 1024 / 1024).toFixed(2),
      medianMs: +median(uploadMs).toFixed(1),
      bareMedianMs: +median(bareMs).toFixed(1),
      ratio: +(median(uploadMs) / median(bareMs)).toFixed(2),
      rssBeforeMiB: Math.round(rssBefore / 1024 / 1024),
      rssPeakMiB: Math.round(rssPeak / 1024 / 1024),
      rssRatio: +(rssPeak / rssBefore).toFixed(2),
    },
    checkInQuestions: {
      requests: QUESTION_REQUESTS,
      medianMs: +median(questionMs).toFixed(2),
      bareMedianMs: +median(bareJsonMs).toFixed(2),
      ratio: +(median(questionMs) / median(bareJsonMs)).toFixed(2),
    },
  };
  mkdirSync(resolve(import.meta.dirname, 'out'), { recursive: true });
  writeFileSync(
    resolve(import.meta.dirname, 'out/evidence-bench.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  const line = (s: string) => process.stdout.write(`${s}\n`);
  const u = report.upload;
  const q = report.checkInQuestions;
  line('== Evidence benchmark');
  line(
    `Upload of a 12-megapixel photo (${u.medianPhotoMB} MB): median ${u.medianMs} ms; bare route receiving the same bytes: ${u.bareMedianMs} ms; ratio ${u.ratio}x`,
  );
  line(
    `Memory while uploading: RSS ${u.rssBeforeMiB} MiB before, ${u.rssPeakMiB} MiB at peak (${u.rssRatio}x)`,
  );
  line(
    `Check-in questions: median ${q.medianMs} ms; bare JSON route: ${q.bareMedianMs} ms; ratio ${q.ratio}x`,
  );
}

await main();
