import nodemailer from 'nodemailer';

export type OutgoingMail = { to: string; subject: string; text: string };

/** Outgoing mail. Tests capture messages; production sends by SMTP when SMTP_URL is set. */
export type Mailer = { enabled: boolean; send(mail: OutgoingMail): Promise<void> };

export const noMailer: Mailer = { enabled: false, send: async () => {} };

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    enabled: true,
    send: async (mail) => {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  const url = env.SMTP_URL?.trim();
  return url ? smtpMailer(url, env.MAIL_FROM?.trim() || 'As Written <no-reply@localhost>') : noMailer;
}

export function captureMailer(): Mailer & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  return { enabled: true, sent, send: async (mail) => void sent.push(mail) };
}
