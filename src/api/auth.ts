import { z } from 'zod';
import { NonEmptyText } from '../domain/common.ts';
import { LANGUAGE_CODE } from '../domain/i18n/languages.ts';

// Accounts: first-run setup, sign-in and out, passwords and resets, the session a browser holds, and
// what an invitation offers and how it is accepted.

export const NewPassword = z
  .string()
  .min(10, { message: 'must be at least 10 characters' })
  .max(200, { message: 'must be at most 200 characters' })
  .refine((p) => p.trim().length >= 10, { message: 'must be at least 10 characters that are not spaces' });

const Email = z
  .string()
  .trim()
  .toLowerCase()
  .email({ message: 'must be an email address' })
  .max(254, { message: 'must be at most 254 characters' });

/** A language the person chose for the app ("en", "es"); the server checks it names a catalog it has. */
export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .max(20)
  .regex(LANGUAGE_CODE, { message: 'must be a language code such as "en" or "es"' });

export const SetupInput = z.object({
  email: Email,
  displayName: NonEmptyText(100),
  password: NewPassword,
  householdName: NonEmptyText(200).default('My family'),
  /** The language chosen on the page, remembered for the new account. */
  language: LanguageCode.optional(),
});

export const LoginInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(1000),
  /** Given when the person chose a language on the sign-in page: remembered on the account. */
  language: LanguageCode.optional(),
});

export const LanguageInput = z.object({
  /** null forgets the choice: the app goes by the browser's languages again. */
  language: LanguageCode.nullable(),
});

export const ChangePasswordInput = z.object({
  currentPassword: z.string().max(1000),
  newPassword: NewPassword,
});

export const ResetRequestInput = z.object({ email: z.string().trim().toLowerCase().max(254) });

export const ResetCompleteInput = z.object({ token: z.string().max(100), newPassword: NewPassword });

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  /** The language the person reads the app in; null until they choose (then the browser's). */
  language: z.string().nullable(),
});

export const SessionResponse = z.object({
  signedIn: z.boolean(),
  needsSetup: z.boolean(),
  user: UserSchema.nullable(),
  csrfToken: z.string().nullable(),
  households: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});

export const Done = z.object({ ok: z.literal(true), message: z.string() });

export const AcceptInvitationInput = z.object({
  token: z.string().max(100),
  displayName: z.string().trim().min(1).max(100).optional(),
  password: NewPassword.optional(),
  /** For a new account: the language chosen on the page. */
  language: LanguageCode.optional(),
});

export const ChangePasswordBody = z.object({ currentPassword: z.string(), newPassword: z.string() });

export const ResetCompleteBody = z.object({ token: z.string(), newPassword: z.string() });

export const InvitationPreviewInput = z.object({ token: z.string().max(100) });

export const InvitationPreview = z.object({
  householdName: z.string(),
  role: z.string(),
  email: z.string(),
  accountExists: z.boolean(),
  sentTo: z.string().describe('The invited address, masked: "g***@example.com"'),
  wrongAccount: z
    .boolean()
    .describe('Someone is signed in, and it is not the invited address: they cannot accept it'),
});
