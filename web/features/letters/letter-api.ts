// Drafting a letter from the record, shared by the Letters page, the Messages log and the advisor: the
// server writes the draft from the facts, then the editor opens it.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { LETTER_KINDS } from '../../../src/domain/letters/kinds.ts';
import { ApiError, getAll, post } from '../../api/client.ts';
import type { Letter, LetterKind, LetterRequest } from '../../api/types.ts';
import { type T, translateNow, useT } from '../../i18n/i18n.tsx';

export const lettersKey = (householdId: string, childId?: string) =>
  childId ? ['letters', householdId, childId] : ['letters', householdId];
export const letterKey = (householdId: string, id: string) => ['letters', householdId, 'one', id];

export const listLetters = (householdId: string, childId: string) =>
  getAll<Letter>(`/households/${householdId}/letters?childId=${childId}`);

/** A letter's name in plain words, and one line on when it is the right one, in the reader's language. */
export function letterKindWords(kind: LetterKind, t: T = translateNow): { name: string; when: string } {
  return { name: t('letters.kind.name', { kind }), when: t('letters.kind.when', { kind }) };
}

/**
 * The same words for every kind, read in the language on screen (`translateNow`) when a property is read.
 * The "letters" part of the catalog is loaded by `useDraftLetter` (and the letters pages); a component
 * that renders can rather call `letterKindWords(kind, t)` with `useT('letters')`.
 */
export const LETTER_KIND_WORDS: Readonly<Record<LetterKind, { name: string; when: string }>> =
  Object.defineProperties(
    {} as Record<LetterKind, { name: string; when: string }>,
    Object.fromEntries(
      LETTER_KINDS.map((kind) => [kind, { enumerable: true, get: () => letterKindWords(kind) }]),
    ),
  );

/** A letter's name ("A check-in"); "A letter" for a kind this version does not know. */
export const letterKindName = (kind: string, t: T = translateNow) => t('letters.kind.name', { kind });

/**
 * Draft a letter and open it in the editor. `draft` resolves to null when it worked (the page moves on)
 * or to the server's message when it did not (shown where the button is).
 */
/** The languages a letter is written in. */
export type LetterLanguage = Letter['language'];

export function useDraftLetter(householdId: string, childId: string) {
  // The letters' own words (their kinds' names, this hook's message) are in the "letters" part.
  const t = useT('letters');
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState<string | null>(null);
  const draft = async (
    request: LetterRequest,
    key = 'draft',
    language: LetterLanguage = 'en',
  ): Promise<string | null> => {
    setBusy(key);
    try {
      const letter = await post<Letter>(`/households/${householdId}/children/${childId}/letters`, {
        request,
        ...(language === 'en' ? {} : { language }),
      });
      client.setQueryData(letterKey(householdId, letter.id), letter);
      await client.invalidateQueries({ queryKey: ['letters', householdId] });
      navigate(`/letters/${letter.id}`);
      return null;
    } catch (e) {
      return e instanceof ApiError ? e.message : t('letters.draftFailed');
    } finally {
      setBusy(null);
    }
  };
  return { draft, busy };
}
