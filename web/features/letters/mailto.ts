// "Open in mail app": the same mailto: URL (RFC 6068) as mailtoUrl in src/domain/letters.ts, which the
// server's tests cover. That module is not imported here because it reaches modules that build zod
// schemas at load time, which would pull zod into the browser bundle; only its types are imported.
import type { Letter, LetterRecipient, MailtoLink } from '../../../src/domain/letters.ts';

/** Product choice (MAILTO_MAX_LENGTH): links above 2,000 characters are cut by some mail apps. */
const MAILTO_MAX_LENGTH = 2000;

/** MAILTO_CUT_NOTE: ends a body that did not fit, so the parent sees it was cut. */
const MAILTO_CUT_NOTE =
  '[This letter was too long to open in your mail app in full. Copy the whole letter from As Written and paste it here.]';

const EMAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

function mailtoAddress(email: string): string {
  const trimmed = email.trim();
  if (!EMAIL_ADDRESS.test(trimmed)) throw new RangeError(`not an email address: ${JSON.stringify(email)}`);
  return encodeURIComponent(trimmed).replace(/%40/gu, '@');
}

function mailtoBody(text: string): string {
  return encodeURIComponent(text.replace(/\r\n?/gu, '\n')).replace(/%0A/gu, '%0D%0A');
}

/** Throws a RangeError when a recipient's address is not an email address. */
export function mailtoUrl(
  letter: Pick<Letter, 'subject' | 'to' | 'cc' | 'body'>,
  maxLength: number = MAILTO_MAX_LENGTH,
): MailtoLink {
  const list = (recipients: readonly LetterRecipient[]) =>
    recipients
      .filter((r) => r.email != null && r.email.trim() !== '')
      .map((r) => mailtoAddress(r.email as string))
      .join(',');
  const to = list(letter.to);
  const cc = list(letter.cc);
  const head = `mailto:${to}?${cc ? `cc=${cc}&` : ''}subject=${encodeURIComponent(letter.subject)}`;
  const build = (body: string) => `${head}&body=${mailtoBody(body)}`;

  const full = build(letter.body);
  if (full.length <= maxLength) return { url: full, complete: true };

  // Keep whole lines first, then whole characters (never half of a surrogate pair), then the note.
  const lines = letter.body.split('\n');
  const withNote = (kept: string) => `${kept.trimEnd()}\n\n${MAILTO_CUT_NOTE}`;
  let kept = '';
  for (const line of lines) {
    const next = kept ? `${kept}\n${line}` : line;
    if (build(withNote(next)).length > maxLength) break;
    kept = next;
  }
  if (kept === '') {
    const chars = Array.from(letter.body);
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (build(withNote(chars.slice(0, mid).join(''))).length <= maxLength) lo = mid;
      else hi = mid - 1;
    }
    kept = chars.slice(0, lo).join('');
  }
  const cut = build(withNote(kept));
  if (cut.length <= maxLength) return { url: cut, complete: false };
  // Even the note does not fit (many recipients): open with the subject only.
  return { url: head, complete: false };
}
