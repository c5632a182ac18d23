import { TextInput } from '@mantine/core';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { post } from '../../api/client.ts';
import type { SessionInfo } from '../../api/types.ts';
import { applyApiError } from '../../components/form-errors.tsx';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

// What the sign-in, first-run and password pages share.

/** The account's email, as the browser's password manager fills it in. */
export function EmailField(props: GetInputPropsReturnType) {
  const t = useT();
  return <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...props} />;
}

/** The person's name for a new account, as the browser fills it in. */
export function NameField(props: GetInputPropsReturnType) {
  const t = useT();
  return <TextInput label={t('auth.yourName')} autoComplete="name" required {...props} />;
}

/** A form that posts to `path` and, when the server answers with a session, signs the browser in. */
export function useSessionForm<Values extends Record<string, string>>(path: string, initialValues: Values) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ initialValues });
  const { language, chosenHere } = useLanguage();
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      // A language picked on this page is the person's choice: the account remembers it.
      const session = await post<SessionInfo>(path, chosenHere ? { ...values, language } : values);
      client.setQueryData(['session'], session);
    } catch (e) {
      setError(applyApiError(form, e));
    }
  });
  return { form, error, submit };
}
