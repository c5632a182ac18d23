import type { OutgoingMail } from '../auth/mailer.ts';
import { translatorFor } from '../i18n.ts';

// The emails about an account (issue 17), worded in the reader's language: a reset in the account's
// own language; an invitation in the inviter's, followed by the English when that is another, since
// the person invited has no account yet and may read either.

/** A date the way a reader of `language` writes it ("December 20, 2026", "20 de diciembre de 2026"). */
function dayInWords(isoDateTime: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(isoDateTime),
  );
}

export function passwordResetMail(to: string, language: string | null, link: string): OutgoingMail {
  const { t } = translatorFor(language);
  return { to, subject: t('mail.reset.subject'), text: `${t('mail.reset.body', { link })}\n` };
}

export function invitationMail(
  to: string,
  language: string | null,
  invite: { inviter: string; expiresAt: string; link: string },
): OutgoingMail {
  const versions = [...new Set([translatorFor(language).language, translatorFor('en').language])];
  const body = (lang: string) =>
    translatorFor(lang).t('mail.invite.body', {
      inviter: invite.inviter,
      expires: dayInWords(invite.expiresAt, lang),
      link: invite.link,
    });
  const [first, ...others] = versions;
  const text = [
    body(first!),
    ...others.map((lang) => `――――――――\n${translatorFor(lang).t('mail.inThisLanguage')}\n\n${body(lang)}`),
  ].join('\n\n');
  return { to, subject: translatorFor(first).t('mail.invite.subject'), text: `${text}\n` };
}
