import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { primaryContactIds } from './advisor/ladder.ts';
import type { CaseContact } from './case-record.ts';
import { profileFor, rungOfRole } from './jurisdictions.ts';

import { contactsWithRole, providerFor, roleForMatching } from './team-roles.ts';

// A team member's role typed in Spanish is read as its English counterpart by the rules that look for a
// role (team-roles.ts); a role in English reads exactly as before.

const contact = (id: string, role: string): CaseContact => ({ id, name: `Person ${id}`, role, email: null });

describe('a role typed in Spanish', () => {
  it.each([
    ['Maestra de educación especial', 'special education teacher'],
    ['Maestro(a) de Educación Especial', 'special education teacher'],
    ['Administradora de casos', 'case manager'],
    ['Coordinador(a) 504', '504 coordinator'],
    ['Coordinadora de la Sección 504', '504 coordinator'],
    ['Maestra de aula', 'classroom teacher'],
    ['Profesora titular', 'classroom teacher'],
    ['Maestra de matemáticas', 'teacher de matemáticas'],
    ['Directora', 'principal'],
    ['Director de la escuela', 'principal'],
    ['Directora escolar', 'principal'],
    ['Subdirector', 'assistant principal'],
    ['Directora de Educación Especial', 'director of special education'],
    ['Director(a) de servicios estudiantiles', 'director of special education'],
    ['Director del distrito', 'district director'],
    ['Superintendente', 'superintendent'],
    ['Junta escolar', 'school board'],
    ['Patóloga del habla y lenguaje', 'speech-language pathologist'],
    ['Logopeda', 'speech-language pathologist'],
    ['Terapeuta ocupacional', 'occupational therapist'],
    ['Fisioterapeuta', 'physical therapist'],
    ['Psicóloga escolar', 'psychologist escolar'],
    ['Trabajadora social', 'social worker'],
    ['Consejera', 'counselor'],
    ['Analista de conducta', 'behavior analyst'],
  ])('"%s" reads as "%s"', (role, words) => {
    expect(roleForMatching(role).toLowerCase()).toBe(words);
  });

  it('finds the case manager, the principal, the district and the provider the English rules find', () => {
    const team = [
      contact('a', 'Maestra de aula'),
      contact('b', 'Maestra de educación especial / administradora de casos'),
      contact('c', 'Directora'),
      contact('d', 'Directora de Educación Especial'),
      contact('e', 'Patóloga del habla'),
    ];
    expect(contactsWithRole(team, 'case_manager').map((c) => c.id)).toEqual(['b']);
    expect(contactsWithRole(team, 'teacher').map((c) => c.id)).toEqual(['a']);
    expect(contactsWithRole(team, 'principal').map((c) => c.id)).toEqual(['c']);
    expect(contactsWithRole(team, 'director').map((c) => c.id)).toEqual(['d']);
    expect(providerFor(team, { name: 'Terapia del habla', providerRole: null })?.id).toBe('e');
    const ca = profileFor({ kind: 'iep', jurisdiction: { country: 'US', region: 'CA' } });
    // A school's principal is on the principal's rung, not the district's.
    expect(rungOfRole(ca, 'Directora')).toBe(rungOfRole(ca, 'Principal'));
    expect(rungOfRole(ca, 'Directora de Educación Especial')).toBe(
      rungOfRole(ca, 'Director of Special Education'),
    );
    expect(rungOfRole(ca, 'Directora')).toBeLessThan(rungOfRole(ca, 'Director of Special Education'));
  });

  it('sends a first letter to the Spanish case manager', () => {
    const team = [contact('a', 'Maestra de aula'), contact('b', 'Administradora de casos')];
    const ctx = { record: { team } } as unknown as Parameters<typeof primaryContactIds>[0];
    expect(primaryContactIds(ctx)).toEqual(['b']);
  });
});

describe('a role in English', () => {
  /** Every role written in the repository's tests and test documents. */
  function englishRoles(): string[] {
    const root = resolve(import.meta.dirname, '../..');
    const roles = new Set<string>();
    const visit = (dir: string) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules') visit(path);
        } else if (/\.(ts|json)$/.test(entry.name)) {
          const text = readFileSync(join(root, path), 'utf8');
          for (const m of text.matchAll(/["']?role["']?:\s*["']([^"'\n]{2,80})["']/g)) roles.add(m[1]!);
        }
      }
    };
    visit('test/fixtures');
    visit('src/domain');
    return [...roles];
  }

  it('reads exactly as before', () => {
    const roles = [
      ...englishRoles(),
      'Director',
      'District Director',
      'Vision teacher',
      'Audiologist',
      'Orientation and mobility specialist',
      'Behavior Consultant',
      'Professor',
      'Case Coordinator',
    ];
    expect(roles.length).toBeGreaterThan(40);
    for (const role of roles) expect(roleForMatching(role), role).toBe(role);
  });
});
