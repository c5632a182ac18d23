import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHousehold, seedDemoHousehold } from '../../src/cli/demo-household.ts';
import { parseCsv } from '../../src/domain/service-log-csv.ts';
import { fixedClock } from '../../src/server/context.ts';
import { BACKENDS, call, openTestEnv, TEST_NOW, type TestEnv } from './harness.ts';

// The spreadsheet exports in the reader's language (issue 17): the headers, the yes/no the server
// writes, why an entry does not count and the journal's closing line, in Spanish for a Spanish reader;
// coded values (kind, status, reason, source, outcome) stay codes in every language. English is as it
// was. On both databases, with the demo household.

describe.each(BACKENDS)('CSV exports in the reader’s language, on %s', (backend) => {
  let env: TestEnv;
  let demo: DemoHousehold;

  beforeAll(async () => {
    env = await openTestEnv(backend);
    demo = await seedDemoHousehold(env.store, fixedClock(TEST_NOW), env.owner.userId);
  });
  afterAll(async () => env?.close());

  const csv = async (name: string, acceptLanguage: string) => {
    const response = await env.app.inject({
      method: 'GET',
      url: `/api/households/${demo.householdId}/exports/${name}`,
      headers: {
        cookie: env.owner.cookie,
        'x-csrf-token': env.owner.csrfToken,
        'accept-language': acceptLanguage,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    return { header: lines[0]!, rows: lines.slice(1, -1), last: lines.at(-1)! };
  };

  it('writes the session log’s headers and words in Spanish, the same rows and codes', async () => {
    const english = await csv('sessions.csv', 'en-US');
    const spanish = await csv('sessions.csv', 'es-MX,es;q=0.9');
    expect(english.header).toBe(
      'date,child,service,kind,status,minutes delivered,minutes planned,reason,reason text,responsibility,start time,no school that day (confirmed),source,note,corrects entry,corrected by entry,counts,why not counted,recorded at,entry id',
    );
    expect(spanish.header).toBe(
      'fecha,niño(a),servicio,tipo,estado,minutos dados,minutos previstos,motivo,motivo (texto),responsabilidad,hora de inicio,sin clases ese día (confirmado),fuente,nota,corrige la entrada,corregida por la entrada,cuenta,por qué no cuenta,anotada el,id de la entrada',
    );
    expect(spanish.rows).toHaveLength(english.rows.length);
    expect(english.rows.length).toBeGreaterThan(10);
    // Each row says the same in both languages (read as CSV: notes hold commas): the counts column's
    // yes/no as sí/no, and every coded value unchanged.
    const cells = (rows: string[]) => parseCsv(rows.join('\r\n')).rows.map((r) => r.cells);
    const [en, es] = [cells(english.rows), cells(spanish.rows)];
    const yesNo: Record<string, string> = { yes: 'sí', no: 'no' };
    expect(es.map((r) => r[16])).toEqual(en.map((r) => yesNo[r[16]!]));
    for (const column of [0, 3, 4, 5, 7, 12, 19])
      expect(es.map((r) => r[column])).toEqual(en.map((r) => r[column]));
    expect(english.last).toMatch(
      /^# As Written journal at export: \d+ entries; last entry hash [0-9a-f]{64}$/,
    );
    expect(spanish.last).toMatch(
      /^# Bitácora de As Written al exportar: \d+ entradas; huella de la última entrada [0-9a-f]{64}$/,
    );
    expect(spanish.last.slice(-64)).toBe(english.last.slice(-64));
  });

  it('says why an entry does not count in the reader’s language', async () => {
    // The provider confirms a session the parent logged: one session, the provider's entry counts.
    const sessions = await call(
      env,
      'GET',
      `/api/households/${demo.householdId}/sessions?childId=${demo.childId}`,
    );
    const logged = sessions.body.find(
      (e: { source: string; status: string; kind: string }) =>
        e.source === 'parent' && e.status === 'delivered' && e.kind === 'scheduled',
    );
    const confirmed = await call(env, 'POST', `/api/households/${demo.householdId}/sessions`, {
      serviceId: logged.serviceId,
      date: logged.date,
      source: 'provider',
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
    const whyNot = async (acceptLanguage: string) => {
      const { rows } = await csv('sessions.csv', acceptLanguage);
      const row = parseCsv(rows.join('\r\n')).rows.find((r) => r.cells[19] === logged.id)!;
      return [row.cells[16], row.cells[17]];
    };
    expect(await whyNot('en')).toEqual(['no', "the provider's entry for this session counts"]);
    expect(await whyNot('es')).toEqual(['no', 'para esta sesión cuenta la entrada del proveedor']);
  });

  it('writes the observations’ and messages’ headers in Spanish', async () => {
    expect((await csv('observations.csv', 'es')).header).toBe(
      'fecha,adaptación,sin clases ese día (confirmado),resultado,clase,lugar,quién enseñaba,personal,fuente,nota,archivos,anulada el,nota de anulación,id de la observación',
    );
    expect((await csv('observations.csv', 'en')).header).toBe(
      'date,accommodation,no school that day (confirmed),outcome,class,setting,teaching,staff,source,note,files,voided at,void note,observation id',
    );
    const messages = await csv('communications.csv', 'es');
    expect(messages.header).toBe(
      'fecha,hora,niño(a),tipo,dirección,con,otras personas,asunto,resumen,decisiones,próximos pasos,su postura,respuesta esperada para,respuesta prometida para,respuesta,anulada el,nota de anulación,en respuesta a,id del mensaje',
    );
    expect(messages.rows.length).toBeGreaterThan(0);
  });
});
