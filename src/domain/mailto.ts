// "Open in mail app": a mailto: URL (RFC 6068) for a letter. Kept apart from letters.ts, with no
// imports, so the web app can use the same code without pulling the letter writer into its bundle.

export type MailtoRecipient = { name: string; email: string | null };
export type MailtoLetter = {
  subject: string;
  to: readonly MailtoRecipient[];
  cc: readonly MailtoRecipient[];
  body: string;
};

const EMAIL_ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/u;

function assertAddress(address: string): string {
  const trimmed = address.trim();
  if (!EMAIL_ADDRESS.test(trimmed)) throw new RangeError(`not an email address: ${JSON.stringify(address)}`);
  return trimmed;
}

/**
 * Product choice: mailto URLs are kept under 2,000 characters. Some mail apps and browsers cut longer
 * links without saying so; below this length, links open whole in the common ones.
 */
export const MAILTO_MAX_LENGTH = 2000;

/** Ends a body that did not fit, so the parent sees it was cut and where to find the rest. */
export const MAILTO_CUT_NOTE =
  '[This letter was too long to open in your mail app in full. Copy the whole letter from As Written and paste it here.]';

export type MailtoLink = {
  url: string;
  /** False when the body was cut to fit: offer "copy" or "download as .eml" instead. */
  complete: boolean;
};

function mailtoAddress(email: string): string {
  return encodeURIComponent(assertAddress(email)).replace(/%40/gu, '@');
}

function mailtoBody(text: string): string {
  return encodeURIComponent(text.replace(/\r\n?/gu, '\n')).replace(/%0A/gu, '%0D%0A');
}

export function mailtoUrl(letter: MailtoLetter, maxLength: number = MAILTO_MAX_LENGTH): MailtoLink {
  const list = (recipients: readonly MailtoRecipient[]) =>
    recipients
      .filter((r) => r.email != null && r.email.trim() !== '')
      .map((r) => mailtoAddress(r.email!))
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
