import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { fixedClock, idSource } from '../../src/server/context.ts';
import { createUser } from '../../src/server/services/accounts.ts';
import {
  addMember,
  BACKENDS,
  call,
  openTestEnv,
  type Principal,
  signIn,
  TEST_NOW,
  TEST_PASSWORD,
  type TestEnv,
} from './harness.ts';

// Every script in print (issue 17): a household whose names are written in Spanish, Vietnamese,
// Chinese, Arabic and Hebrew gets its implementation report and living IEP with every name on the
// page: the PDFs embed fonts for these scripts (src/reports/pdf-fonts.ts), right-to-left names are
// drawn in reading order, and copying the text (pdftotext) gives each name back. No glyph drawn is
// the fonts' empty box (glyph 0, .notdef), and the same record still gives the same bytes.

const NAMES = {
  spanish: 'José Muñoz-Peña',
  vietnamese: 'Nguyễn Thị Ánh',
  chinese: '王小明',
  arabic: 'فاطمة الزهراء',
  hebrew: 'שרה כהן',
};
const QUERY = 'from=2026-09-08&to=2026-10-30&asOf=2026-11-02';

/** Run a command-line tool (qpdf, poppler-utils) and return what it printed. */
function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.each(BACKENDS)('names in every script in the PDFs, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;
  let dir: string;
  let parent: Principal;
  const api = (path: string) => `/api/households/${demo.householdId}${path}`;

  const pdf = async (path: string, as: Principal): Promise<Buffer> => {
    const res = await env.app.inject({ method: 'GET', url: api(path), headers: { cookie: as.cookie } });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.rawPayload;
  };
  const save = (name: string, bytes: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  /** pdftotext's text, without the embedding marks poppler puts around right-to-left text. */
  const textOf = (file: string, args: string[] = []) =>
    run('pdftotext', [...args, file, '-']).replace(/[\u202A-\u202E]/gu, '');

  /** Every glyph drawn with an embedded font, as [font resource, glyph id] (from qpdf's QDF form). */
  const glyphsDrawn = (file: string): [string, number][] => {
    const qdf = join(dir, 'expanded.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
    const text = readFileSync(qdf, 'latin1');
    const objects = new Map<string, string>();
    for (const m of text.matchAll(/\n(\d+) 0 obj\n([\s\S]*?)\nendobj/gu)) objects.set(m[1]!, m[2]!);
    const type0 = new Set<string>();
    for (const m of text.matchAll(/\/(F\d+) (\d+) 0 R/gu))
      if (objects.get(m[2]!)?.includes('/Subtype /Type0')) type0.add(m[1]!);
    const glyphs: [string, number][] = [];
    let font = '';
    for (const m of text.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/gu)) {
      if (m[1]) font = m[1];
      else if (type0.has(font))
        for (const hex of m[2]!.matchAll(/<([0-9a-f]*)>/gu))
          for (const id of hex[1]!.match(/.{4}/gu) ?? []) glyphs.push([font, Number.parseInt(id, 16)]);
    }
    return glyphs;
  };

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
    dir = mkdtempSync(join(tmpdir(), 'as-written-scripts-'));
    // The child's name in Chinese; the parent who prepares the report, in Arabic.
    expect(
      (await call(env, 'PATCH', api(`/children/${demo.childId}`), { firstName: NAMES.chinese })).status,
    ).toBe(200);
    const { user } = await createUser(
      env.store,
      { clock: env.clock, newId: idSource(env.clock) },
      { email: 'fatima@example.org', displayName: NAMES.arabic, password: TEST_PASSWORD },
    );
    await addMember(env, demo.householdId, user.id, 'advocate');
    parent = await signIn(env.app, 'fatima@example.org');
    // A meeting with the team, named in Spanish, Vietnamese and Hebrew, in the report's dates.
    const message = await call(env, 'POST', api('/communications'), {
      childId: demo.childId,
      kind: 'meeting',
      direction: 'sent',
      date: '2026-10-20',
      otherParties: `${NAMES.spanish}, ${NAMES.vietnamese}, ${NAMES.hebrew}`,
      subject: `${NAMES.chinese}: reading plan`,
      summary: `Met ${NAMES.spanish} and ${NAMES.vietnamese}; ${NAMES.arabic} took notes.`,
    });
    expect(message.status, JSON.stringify(message.body)).toBe(201);
    // The living IEP's own words: a long mixed paragraph that has to wrap.
    const notes = await call(env, 'PUT', api(`/children/${demo.childId}/living-iep/notes`), {
      concerns: Array.from(
        { length: 6 },
        (_, i) =>
          `${i + 1}. ${NAMES.arabic} asked ${NAMES.vietnamese} whether ${NAMES.chinese} may take tests in a quiet room, as ${NAMES.spanish} and ${NAMES.hebrew} agreed.`,
      ).join(' '),
      changes: Object.values(NAMES).map((name) => `Ask ${name} to send the weekly log.`),
      questions: [],
    });
    expect(notes.status, JSON.stringify(notes.body)).toBe(200);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await env?.close();
  });

  it('gives every name back from the report and the living IEP, drawn with no empty glyph, in the same bytes twice', async () => {
    const report = await pdf(`/children/${demo.childId}/report.pdf?${QUERY}`, parent);
    const living = await pdf(`/children/${demo.childId}/living-iep.pdf?asOf=2026-11-02`, parent);
    for (const [label, bytes] of [
      ['report', report],
      ['living', living],
    ] as const) {
      const file = save(`${label}.pdf`, bytes);
      expect(run('qpdf', ['--check', file])).toMatch(/No syntax or stream encoding errors/);
      const text = textOf(file).replace(/\s+/gu, ' ');
      for (const name of Object.values(NAMES)) expect(text, `${label}: ${name}`).toContain(name);
      // The metadata keeps the characters too.
      expect(run('pdfinfo', [file])).toMatch(new RegExp(`^Title:.*${NAMES.chinese}`, 'mu'));
      // The fonts are embedded (subsets), and every glyph drawn is a real one: glyph 0 is .notdef.
      const fonts = run('pdffonts', [file]);
      for (const face of ['Arimo-Regular', 'NotoNaskhArabic', 'NotoSansHans'])
        expect(fonts).toMatch(
          new RegExp(`\\+${face}\\S*\\s+CID \\S+( \\S+)?\\s+Identity-H\\s+yes yes yes`, 'u'),
        );
      const glyphs = glyphsDrawn(file);
      expect(glyphs.length).toBeGreaterThan(100);
      expect(glyphs.filter(([, id]) => id === 0)).toEqual([]);
      // A page renders (poppler draws it without complaint).
      run('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file, join(dir, label)]);
      expect(
        readFileSync(join(dir, `${label}.png`))
          .subarray(1, 4)
          .toString('latin1'),
      ).toBe('PNG');
    }
    // The report's "Prepared by" and title, as a reader sees them.
    const reportText = textOf(join(dir, 'report.pdf')).replace(/\s+/gu, ' ');
    expect(reportText).toContain(`How ${NAMES.chinese}'s plan was carried out`);
    expect(reportText).toContain(`Prepared by ${NAMES.arabic}, with As Written`);

    // The same record gives the same bytes.
    expect(Buffer.compare(await pdf(`/children/${demo.childId}/report.pdf?${QUERY}`, parent), report)).toBe(
      0,
    );
    expect(
      Buffer.compare(await pdf(`/children/${demo.childId}/living-iep.pdf?asOf=2026-11-02`, parent), living),
    ).toBe(0);
  });

  it('wraps a paragraph mixing scripts inside the margins, each line in reading order', async () => {
    const file = save(
      'living-wrap.pdf',
      await pdf(`/children/${demo.childId}/living-iep.pdf?asOf=2026-11-02`, parent),
    );
    // Every word's box, from poppler: none crosses the right margin (Letter, 60 pt margins).
    const boxes = run('pdftotext', ['-bbox', file, '-']);
    const right = [...boxes.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/gu)].map((m) =>
      Number(m[2]),
    );
    expect(right.length).toBeGreaterThan(100);
    expect(Math.max(...right)).toBeLessThanOrEqual(612 - 60 + 0.5);
    // The concerns paragraph took several lines, and each sentence reads back in order (poppler moves
    // the space beside a right-to-left word, so spaces are left out of the comparison).
    const text = textOf(file).replace(/\s+/gu, '');
    for (let i = 1; i <= 6; i++)
      expect(text).toContain(
        `${i}. ${NAMES.arabic} asked ${NAMES.vietnamese} whether ${NAMES.chinese} may take tests in a quiet room`.replace(
          /\s+/gu,
          '',
        ),
      );
    const layout = textOf(file, ['-layout']);
    const concernLines = layout
      .split('\n')
      .filter((line) => line.includes('quiet room') || line.includes('agreed.'));
    expect(concernLines.length).toBeGreaterThan(3);
  });
});
