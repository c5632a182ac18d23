// 4. The written follow-up of a call or a meeting.

import type { CaseRecord } from '../case-record.ts';
import { type Communication, type ParentPosition, VERBAL_KINDS } from '../communications.ts';
import { bulletList } from '../letter-words.ts';
import type { DraftLanguage } from './draft-language.ts';
import { findCommunication, notAgreedParagraphs } from './facts.ts';
import { LetterRequestError } from './request-error.ts';
import type { Letter, ReplyOption } from './writer.ts';
import * as writer from './writer.ts';

/** Lines the parent typed, as list items: "- a", "* b", "1. c" and plain lines alike. */
function itemsOf(text: string | null): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/u)
    .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/u, '').trim())
    .filter((line) => line.length > 0);
}

// Words that say a call or meeting was about changing services: a reduction, a stop, a move.
const CHANGE_WORDS =
  /\b(?:reduc\w*|cut\w*|decreas\w*|fewer|less|lower\w*|drop\w*|stop\w*|end(?:s|ed|ing)?|remov\w*|discontinu\w*|chang\w*|instead|replac\w*|no longer|stays? at|go(?:es|ing)? (?:from|to|down)|down to|once a (?:week|month))\b/iu;

/** Whether what was noted about a call or meeting speaks of changing a service (for the parent's note). */
function speaksOfChange(talk: Communication): boolean {
  return CHANGE_WORDS.test([talk.summary, talk.decisions ?? '', talk.nextSteps ?? ''].join('\n'));
}

/**
 * The article's step 3: "Always get verbal conversations followed up with email summaries." Quotes the
 * decisions and the next steps the parent noted after the call or meeting, and follows the parent's
 * position on what was proposed: when she has not agreed (or wants to think), the summary says so and
 * asks for written notice, so it never puts an agreement in writing that she did not give.
 */
export function draftFollowUpVerbal(
  record: CaseRecord,
  options: { communicationId: string } & ReplyOption,
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'follow_up_verbal');
  const talk = findCommunication(record, options.communicationId);
  if (!VERBAL_KINDS.has(talk.kind)) {
    throw new LetterRequestError('a written follow-up is for a phone call or a meeting', {
      rule: 'letter.followUpNeedsTalk',
    });
  }
  const w = writer.writerFor(record, false, options, language);
  w.facts.push(talk.id);
  const position: ParentPosition = talk.parentPosition ?? 'unknown';
  const objects = position === 'not_agreed' || position === 'thinking';
  const contacts = writer.contactsOf(record, talk);
  const to = contacts.length > 0 ? contacts : [writer.recipientForRole(w, 'case_manager')];
  const today = talk.date === record.asOf;
  const thanks = w.t('letter.followUpVerbal.thanks', {
    today: today ? 'yes' : 'no',
    date: today ? '' : w.date(talk.date),
  });
  const decisions = itemsOf(talk.decisions);
  const nextSteps = itemsOf(talk.nextSteps);
  // "What we talked about", not "what we decided", when the parent did not agree to it.
  const lead = w.t('letter.followUpVerbal.lead', { objects: objects ? 'yes' : 'no' });
  const understood =
    decisions.length > 0 || nextSteps.length > 0
      ? [
          ...(decisions.length > 0 ? [`${lead}:\n${bulletList(decisions)}`] : []),
          ...(nextSteps.length > 0
            ? [`${w.t('letter.followUpVerbal.nextSteps')}\n${bulletList(nextSteps)}`]
            : []),
        ]
      : [`${lead}: ${talk.summary.trim()}`];
  if (position === 'unknown' && speaksOfChange(talk)) {
    w.notes.push(w.t('letter.followUpVerbal.changeNote', { kind: talk.kind }));
  }
  const body = writer.letterBody(
    w,
    to,
    [
      thanks,
      ...understood,
      ...(objects ? notAgreedParagraphs(w, position) : []),
      `${w.t('letter.followUpVerbal.missed')} ${writer.replySentence(w)}`,
    ],
    'thanks',
  );
  const subject = w.t('letter.followUpVerbal.subject', { kind: talk.kind, date: w.date(talk.date) });
  return writer.finish(w, 'follow_up_verbal', subject, to, [], body);
}
