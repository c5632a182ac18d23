// IEP reading benchmark (issue 16's speed goal), printed as figures and ratios against a baseline
// measured in the same run, poppler's `pdftotext -layout FILE -` run as a process on the same file:
//  1. a 20-page text IEP (bench/long-iep.ts, drawn at run time) read by the reader the server's child
//     process runs (readIepDocument, src/importers/iep-worker.ts), in this process, warm; and the same
//     file through the child process itself (readIepInChildProcess), as the server reads an upload;
//     the goal: the in-process read within 3x pdftotext;
//  2. an image-only scan of it (test/fixtures/iep/make-scan.ts: 200 DPI, turned, noise, JPEG) read by the
//     same reader, which draws each page (pdftoppm) and reads it by OCR (Tesseract);
//  3. the peak memory (RSS) of the child process reading the scan through readIepInChildProcess, with
//     its limits as the server sets them, sampled from /proc while it runs (its VmHWM, the kernel's
//     high-water mark, and that of the pdftoppm and tesseract processes it starts); the goal: under 500 MB.
// Without Tesseract (or pdftoppm) the scan's figures are skipped, saying why; the text figures still run.
// BENCH_IEP_TEXT_RUNS (5) and BENCH_IEP_SCAN_RUNS (1) set how many times each is read; a scan run count
// of 0 skips 2 and 3 (the scan takes minutes), for timing the text reader alone.
// Writes bench/out/iep-read-bench.json.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IepDraft } from '../src/domain/iep-draft.ts';
import { readIepDocument } from '../src/importers/iep-document.ts';
import { detectTesseract } from '../src/importers/ocr.ts';
import { pdftoppmAvailable } from '../src/importers/page-images.ts';
import { readIepInChildProcess } from '../src/server/services/iep-reading.ts';
import { scanPdf } from '../test/fixtures/iep/make-scan.ts';
import { LONG_IEP_PAGES, writeLongIep } from './long-iep.ts';

const TEXT_RUNS = Number(process.env.BENCH_IEP_TEXT_RUNS ?? 5);
const SCAN_RUNS = Number(process.env.BENCH_IEP_SCAN_RUNS ?? 1);
/** The scan's pages are turned as make-scan.ts turns the test plans' scans. */
const SCAN_TURN = 0.4;
/** How often the child process's memory is read while it reads the scan. */
const SAMPLE_MS = 20;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (n: number) => +n.toFixed(1);
const mib = (kb: number) => Math.round(kb / 1024);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** pdftotext as a process, from spawn to exit; rejects when it is not installed. */
function pdftotext(file: string): Promise<number> {
  return new Promise((done, fail) => {
    execFile('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? fail(error) : done(stdout.length),
    );
  });
}

async function medianOf(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: the module graph, pdf.js, the disk cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work)).ms);
  return median(times);
}

// ---- memory of the child process, from /proc (Linux) ----

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function memoryOf(pid: number): { command: string; rssKb: number; hwmKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    return { command, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
  } catch {
    return null; // it has exited between the listing and the read
  }
}

type MemoryPeaks = { workerKb: number; toolsKb: number; togetherKb: number; samples: number };

/**
 * Reads the memory of this process's IEP reader child (and of the programs it runs) every SAMPLE_MS
 * until stopped: the child's high-water mark (VmHWM), the largest of its tools', and the most that the
 * child and its tools held at one moment (their RSS added up).
 */
function sampleReaderMemory(): { stop: () => MemoryPeaks } {
  const peaks: MemoryPeaks = { workerKb: 0, toolsKb: 0, togetherKb: 0, samples: 0 };
  let worker: number | null = null;
  const sample = () => {
    worker ??= childrenOf(process.pid).find((pid) => memoryOf(pid)?.command.includes('iep-worker')) ?? null;
    if (worker === null) return;
    const self = memoryOf(worker);
    if (!self) return;
    let together = self.rssKb;
    const stack = childrenOf(worker);
    while (stack.length) {
      const pid = stack.pop()!;
      const tool = memoryOf(pid);
      // A program being started is, until it runs, a copy of the child (the same command line and
      // memory): not counted twice.
      if (!tool || tool.command === self.command) continue;
      peaks.toolsKb = Math.max(peaks.toolsKb, tool.hwmKb);
      together += tool.rssKb;
      stack.push(...childrenOf(pid));
    }
    peaks.workerKb = Math.max(peaks.workerKb, self.hwmKb);
    peaks.togetherKb = Math.max(peaks.togetherKb, together);
    peaks.samples++;
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop: () => {
      clearInterval(timer);
      return peaks;
    },
  };
}

type ScanFigures = {
  megabytes: number;
  tesseract: string;
  runs: number;
  medianMs: number;
  perPageMs: number;
  read: string;
  found: string;
  pdftotextMedianMs: number | null;
  ratio: number | null;
  child: {
    ms: number;
    read: string;
    memory:
      | { samples: number; peakRssMiB: number; toolsPeakRssMiB: number; togetherPeakRssMiB: number }
      | string;
  };
};

const ocrOutcome = (draft: IepDraft) =>
  `${draft.pagesReadByOcr.length} of ${draft.pageCount} pages read by OCR${
    draft.pagesNeedingOcr.length
      ? `, ${draft.pagesNeedingOcr.length} left unread (${draft.notes.find((n) => /could not be read/.test(n)) ?? ''})`
      : ''
  }`;

async function main() {
  const line = (s: string) => process.stdout.write(`${s}\n`);
  const loadAverageAtStart = loadavg().map((l) => +l.toFixed(2));
  const dir = mkdtempSync(join(tmpdir(), 'as-written-iep-bench-'));
  try {
    const textPdf = await writeLongIep();
    const textFile = join(dir, 'long-iep.pdf');
    writeFileSync(textFile, textPdf);

    // 1. The text IEP.
    const draft = await readIepDocument(textPdf);
    const readerMs = await medianOf(TEXT_RUNS, () => readIepDocument(textPdf));
    const childMs = await medianOf(Math.min(TEXT_RUNS, 3), () => readIepInChildProcess(textPdf));
    let baselineMs: number | null = null;
    let baselineMissing: string | null = null;
    try {
      baselineMs = await medianOf(TEXT_RUNS, () => pdftotext(textFile));
    } catch (error) {
      baselineMissing = `pdftotext could not be run (${(error as Error).message.split('\n')[0]}); install poppler-utils`;
    }

    // 2 and 3. The scan.
    let scan: ScanFigures | null = null;
    let scanSkipped: string | null = null;
    const tesseract = await detectTesseract();
    if (SCAN_RUNS <= 0) scanSkipped = 'BENCH_IEP_SCAN_RUNS is 0';
    else if (!(await pdftoppmAvailable()))
      scanSkipped =
        "poppler's pdftoppm is not installed, so the scan cannot be made or read (apt-get install poppler-utils)";
    else if (!tesseract.available) scanSkipped = tesseract.message;
    else {
      const scanBytes = await scanPdf(textFile, SCAN_TURN);
      const scanFile = join(dir, 'long-iep.scan.pdf');
      writeFileSync(scanFile, scanBytes);
      const runs: { ms: number; value: IepDraft }[] = [];
      for (let i = 0; i < SCAN_RUNS; i++) runs.push(await timed(() => readIepDocument(scanBytes)));
      const scanMs = median(runs.map((r) => r.ms));
      const scanBaselineMs =
        baselineMs === null ? null : await medianOf(TEXT_RUNS, () => pdftotext(scanFile));
      const canSample = existsSync(`/proc/${process.pid}/task`);
      const sampler = canSample ? sampleReaderMemory() : null;
      const inChild = await timed(() => readIepInChildProcess(scanBytes));
      const peaks = sampler?.stop() ?? null;
      scan = {
        megabytes: +(scanBytes.byteLength / 1024 / 1024).toFixed(1),
        tesseract: tesseract.version,
        runs: SCAN_RUNS,
        medianMs: ms(scanMs),
        perPageMs: ms(scanMs / LONG_IEP_PAGES),
        read: ocrOutcome(runs[0]!.value),
        found: runs[0]!.value.message,
        pdftotextMedianMs: scanBaselineMs === null ? null : ms(scanBaselineMs),
        ratio: scanBaselineMs === null ? null : Math.round(scanMs / scanBaselineMs),
        child: {
          ms: ms(inChild.ms),
          read: ocrOutcome(inChild.value),
          memory: peaks
            ? {
                samples: peaks.samples,
                peakRssMiB: mib(peaks.workerKb),
                toolsPeakRssMiB: mib(peaks.toolsKb),
                togetherPeakRssMiB: mib(peaks.togetherKb),
              }
            : 'not measured: this system has no /proc',
        },
      };
    }

    const report = {
      at: new Date().toISOString(),
      node: process.version,
      // Other work on the machine slows every figure here; the load says how busy it was.
      loadAverageAtStart,
      loadAverageAtEnd: loadavg().map((l) => +l.toFixed(2)),
      pages: LONG_IEP_PAGES,
      text: {
        kilobytes: Math.round(textPdf.byteLength / 1024),
        found: draft.message,
        runs: TEXT_RUNS,
        readerMedianMs: ms(readerMs),
        childProcessMedianMs: ms(childMs),
        pdftotextMedianMs: baselineMs === null ? null : ms(baselineMs),
        ratio: baselineMs === null ? null : +(readerMs / baselineMs).toFixed(2),
        childProcessRatio: baselineMs === null ? null : +(childMs / baselineMs).toFixed(2),
        ...(baselineMissing ? { baselineMissing } : {}),
      },
      scan: scan ?? { skipped: scanSkipped },
    };
    mkdirSync(resolve(import.meta.dirname, 'out'), { recursive: true });
    writeFileSync(
      resolve(import.meta.dirname, 'out/iep-read-bench.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );

    const t = report.text;
    line(
      `== IEP reading benchmark (load average ${report.loadAverageAtStart.join(' ')} at the start, ${report.loadAverageAtEnd.join(' ')} at the end)`,
    );
    line(`${LONG_IEP_PAGES}-page text IEP (${t.kilobytes} KB): ${t.found}`);
    line(
      `Reader in process (readIepDocument): median ${t.readerMedianMs} ms of ${TEXT_RUNS}; pdftotext -layout: ${t.pdftotextMedianMs ?? 'not run'} ms; ratio ${t.ratio ?? 'n/a'}x (goal: at most 3x)`,
    );
    line(
      `Reader in its child process, as the server reads an upload (start-up included): median ${t.childProcessMedianMs} ms; ratio ${t.childProcessRatio ?? 'n/a'}x`,
    );
    if (baselineMissing) line(`Baseline skipped: ${baselineMissing}`);
    if (!scan) {
      line(`Scan figures skipped: ${scanSkipped}`);
      return;
    }
    const s = scan;
    line(
      `${LONG_IEP_PAGES}-page scan (${s.megabytes} MB, image only; Tesseract ${s.tesseract}): median ${s.medianMs} ms of ${SCAN_RUNS} (${s.perPageMs} ms a page; ${s.read}); pdftotext -layout on it: ${s.pdftotextMedianMs ?? 'not run'} ms; ratio ${s.ratio ?? 'n/a'}x`,
    );
    const m = s.child.memory;
    line(
      typeof m === 'string'
        ? `Child process reading the scan: ${s.child.ms} ms (${s.child.read}); memory ${m}`
        : `Child process reading the scan: ${s.child.ms} ms (${s.child.read}); peak RSS ${m.peakRssMiB} MiB (goal: under 500 MB); its pdftoppm/tesseract at most ${m.toolsPeakRssMiB} MiB each; child and tools together at most ${m.togetherPeakRssMiB} MiB (${m.samples} samples)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
