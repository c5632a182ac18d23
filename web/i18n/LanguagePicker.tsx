import { NativeSelect } from '@mantine/core';
import { languageName } from '../../src/domain/i18n/languages.ts';
import { LANGUAGES, useLanguage, useT } from './i18n.tsx';

/**
 * The language menu: each language in its own name ("English", "Español"), so a person who cannot
 * read the current one still finds theirs. `onChoose` saves the choice (the account page); without
 * it the choice is kept on this device and saved to the account at sign-in.
 */
export function LanguagePicker({
  onChoose,
  description,
}: {
  onChoose?: (language: string) => void | Promise<void>;
  description?: string;
}) {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <NativeSelect
      label={t('language.label')}
      description={description}
      value={language}
      w="fit-content"
      onChange={(e) => {
        const next = e.currentTarget.value;
        setLanguage(next, true);
        void onChoose?.(next);
      }}
      data={LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
      // The option names are in their own languages: each says so to a screen reader.
      styles={{ input: { minWidth: 160 } }}
    />
  );
}
