import { describe, expect, it } from 'vitest';
import { textLanguage } from './text-language.ts';

describe('textLanguage', () => {
  it('reads English and Spanish letters and messages', () => {
    expect(textLanguage('Could you tell me when the speech sessions will be made up?')).toBe('en');
    expect(textLanguage('¿Me puede decir cuándo se van a reponer las sesiones de speech?')).toBe('es');
    expect(textLanguage('Ustedes nunca contestan mis correos, ya me tienen harta')).toBe('es');
    expect(textLanguage('q paso con la terapia de mi hijo xq nadie me dice nada')).toBe('es');
    expect(textLanguage('You never answer my emails!!!')).toBe('en');
  });

  it('reads a Spanish letter with English terms of the plan as Spanish, and an English one with a Spanish name as English', () => {
    expect(textLanguage('El IEP de Sofía dice 30 minutes of speech therapy por semana.')).toBe('es');
    expect(textLanguage('María José missed her OT session on Tuesday because of the assembly.')).toBe('en');
  });

  it('reads a text too short to tell as English', () => {
    expect(textLanguage('')).toBe('en');
    expect(textLanguage('OK')).toBe('en');
    expect(textLanguage('IEP 504 OT PT')).toBe('en');
  });
});
