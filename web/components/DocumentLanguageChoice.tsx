import { Group, Radio } from '@mantine/core';
import { languageName } from '../../src/domain/i18n/languages.ts';

/** A language a document (a letter, a report) is written in, apart from the screen's. */
export type DocumentLanguage = 'en' | 'es';

/**
 * The choice of the language a document is written in (a letter to the school, the implementation
 * report): a parent who reads Spanish may send it in English to a school that reads English. Each
 * language is named in its own words, as the language menu writes them.
 */
export function DocumentLanguageChoice({
  label,
  description,
  value,
  onChange,
}: {
  label: string;
  description: string;
  value: DocumentLanguage;
  onChange(language: DocumentLanguage): void;
}) {
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value}
      onChange={(chosen) => onChange(chosen === 'es' ? 'es' : 'en')}
    >
      <Group gap="lg" mt={6}>
        <Radio value="en" label={languageName('en')} lang="en" />
        <Radio value="es" label={languageName('es')} lang="es" />
      </Group>
    </Radio.Group>
  );
}
