// Drafting a letter from the record, shared by the Letters page, the Messages log and the advisor: the
// server writes the draft from the facts, then the editor opens it.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { ApiError, getAll, post } from '../../api/client.ts';
import type { Letter, LetterKind, LetterRequest } from '../../api/types.ts';

export const lettersKey = (householdId: string, childId?: string) =>
  childId ? ['letters', householdId, childId] : ['letters', householdId];
export const letterKey = (householdId: string, id: string) => ['letters', householdId, 'one', id];

export const listLetters = (householdId: string, childId: string) =>
  getAll<Letter>(`/households/${householdId}/letters?childId=${childId}`);

/** Plain-words names of the letters, and one line on when each is the right one. */
export const LETTER_KIND_WORDS: Record<LetterKind, { name: string; when: string }> = {
  specific_concern: {
    name: 'A specific concern',
    when: 'An accommodation or a service did not happen as the plan says; ask about it kindly, with the dates.',
  },
  check_in: {
    name: 'A check-in',
    when: 'A short, friendly note to the case manager: how are services and goals going?',
  },
  follow_up_unanswered: {
    name: 'A follow-up on a message with no reply',
    when: 'You wrote and have not heard back by the date you expected.',
  },
  follow_up_verbal: {
    name: 'A summary of a call or a meeting',
    when: 'After talking, put what was decided and the next steps in writing.',
  },
  thank_you: {
    name: 'A thank-you, or a shared win',
    when: 'Something is working: say so. It builds the relationship.',
  },
  request_service_logs: {
    name: 'A request for the service logs',
    when: 'Sessions have no record, or your notes and the school’s disagree.',
  },
  request_iep_meeting: {
    name: 'A request for a meeting of the team',
    when: 'Services are not delivered, goals no longer fit, new challenges came up, or messages go unanswered.',
  },
  request_records: {
    name: 'A request for your child’s records',
    when: 'You would like copies of the plan, evaluations, progress reports and logs.',
  },
  request_prior_written_notice: {
    name: 'A request for written notice of a decision',
    when: 'The school decided something (or said no) and you would like it in writing, with the reasons.',
  },
  request_language_access: {
    name: 'A request for an interpreter and the plan in your language',
    when: 'You read and speak another language best (Spanish, for example): ask for a trained interpreter at the next meeting, and the plan and notices in your language.',
  },
  escalation: {
    name: 'A letter to someone who can help (principal, director)',
    when: 'Messages go unanswered, your child is being harmed, or a problem is not being fixed.',
  },
  state_complaint: {
    name: 'A state complaint (draft)',
    when: 'For an IEP: a formal complaint to the state, with every element the rules require.',
  },
  ocr_complaint_outline: {
    name: 'An OCR complaint (outline)',
    when: 'For a 504 plan: an outline of a complaint to the Office for Civil Rights.',
  },
  board_appeal: {
    name: 'An appeal to the school board',
    when: 'In British Columbia or Alberta: appeal a decision (or a failure to decide) that affects your child’s education, following the board’s own procedure.',
  },
  service_log_questions: {
    name: 'Questions about the school’s service log',
    when: 'The school’s log and your record differ on some days: ask about them. Drafted from the log’s reconciliation table.',
  },
};

export const letterKindName = (kind: string) =>
  (LETTER_KIND_WORDS as Record<string, { name: string } | undefined>)[kind]?.name ?? 'A letter';

/**
 * Draft a letter and open it in the editor. `draft` resolves to null when it worked (the page moves on)
 * or to the server's message when it did not (shown where the button is).
 */
export function useDraftLetter(householdId: string, childId: string) {
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState<string | null>(null);
  const draft = async (request: LetterRequest, key = 'draft'): Promise<string | null> => {
    setBusy(key);
    try {
      const letter = await post<Letter>(`/households/${householdId}/children/${childId}/letters`, {
        request,
      });
      client.setQueryData(letterKey(householdId, letter.id), letter);
      await client.invalidateQueries({ queryKey: ['letters', householdId] });
      navigate(`/letters/${letter.id}`);
      return null;
    } catch (e) {
      return e instanceof ApiError
        ? e.message
        : 'The letter could not be drafted. Nothing was lost: try again.';
    } finally {
      setBusy(null);
    }
  };
  return { draft, busy };
}
