// 5. A thank-you, or a shared win.

import type { CaseParentNote, CaseRecord } from '../case-record.ts';
import type { DraftLanguage } from './draft-language.ts';
import { byDate } from './facts.ts';
import { LetterRequestError } from './request-error.ts';
import type { Letter, LetterRecipient } from './writer.ts';
import * as writer from './writer.ts';

export type ThankYouOptions = {
  /** A win the parent noted; by default the latest one. */
  noteId?: string;
  /** Who to thank; by default the case manager. */
  contactId?: string;
};

/** "Start with gratitude", "Share wins. Let them know when something is working." */
export function draftThankYou(
  record: CaseRecord,
  options: ThankYouOptions = {},
  language?: DraftLanguage,
): Letter {
  writer.assertAvailable(record, 'thank_you');
  const w = writer.writerFor(record, false, undefined, language);
  const { child } = w;
  let win: CaseParentNote | undefined;
  if (options.noteId) {
    win = record.parentNotes.find((n) => n.id === options.noteId);
    if (!win)
      throw new LetterRequestError(`no parent note with id ${options.noteId} in this record`, {
        rule: 'letter.noteNotFound',
        values: { id: options.noteId },
      });
  } else {
    win = byDate(record.parentNotes.filter((n) => n.kind === 'win')).pop();
  }
  let to: LetterRecipient[];
  if (options.contactId) {
    const contact = record.team.find((c) => c.id === options.contactId);
    if (!contact)
      throw new LetterRequestError(`no team contact with id ${options.contactId} in this record`, {
        rule: 'letter.contactNotFound',
        values: { id: options.contactId },
      });
    to = [writer.recipientOf(contact)];
  } else {
    to = [writer.recipientForRole(w, 'case_manager')];
  }
  if (win) w.facts.push(win.id);
  const news = win
    ? w.t('letter.thankYou.news', { hasWin: 'yes', date: w.date(win.date), text: win.text.trim() })
    : w.t('letter.thankYou.news', { hasWin: 'no', date: '', text: w.gap('whatWentWell') });
  const body = writer.letterBody(w, to, [news, w.t('letter.thankYou.thanks', { child })], 'withThanks');
  return writer.finish(w, 'thank_you', w.t('letter.thankYou.subject', { child }), to, [], body);
}
