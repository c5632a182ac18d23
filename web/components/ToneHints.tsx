import { Alert, List, Text } from '@mantine/core';
import { Suspense, useEffect, useRef, useState } from 'react';
import { post } from '../api/client.ts';
import type { ToneFlag } from '../api/types.ts';
import { useT } from '../i18n/i18n.tsx';

const DELAY_MS = 700;

/**
 * The tone check for anything the parent writes to the school: a moment after they stop typing,
 * the phrases that may read as accusing or absolute, why, and a gentler way to say it. Advice only:
 * it never blocks saving.
 */
export function ToneHints({
  householdId,
  text,
  enabled = true,
}: {
  householdId: string;
  text: string;
  enabled?: boolean;
}) {
  const [checked, setChecked] = useState<{ text: string; flags: ToneFlag[] }>({ text: '', flags: [] });
  const latest = useRef(text);
  latest.current = text;
  useEffect(() => {
    if (!enabled || text.trim() === '' || text === checked.text) return;
    const timer = setTimeout(async () => {
      try {
        const result = await post<{ flags: ToneFlag[] }>(`/households/${householdId}/tone-check`, { text });
        if (latest.current === text) setChecked({ text, flags: result.flags });
      } catch {
        // Advice only: if the check cannot run now, it runs after the next change.
      }
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, text, checked.text, householdId]);

  if (!enabled || checked.text !== text || checked.flags.length === 0) return null;
  // The words are in the letters' part of the catalog, loaded the first time there is a hint to show
  // (the form around it is not held up meanwhile).
  return (
    <Suspense fallback={null}>
      <HintList flags={checked.flags} />
    </Suspense>
  );
}

function HintList({ flags }: { flags: ToneFlag[] }) {
  const t = useT('letters');
  return (
    <Alert color="yellow" variant="light" title={t('letters.tone.hintsTitle')} role="status">
      <List spacing="xs" size="sm">
        {flags.map((f) => (
          <List.Item key={`${f.start}-${f.rule}`}>
            <Text size="sm" span fw={600}>
              {t('letters.tone.phrase', { phrase: f.phrase })}
            </Text>{' '}
            <Text size="sm" span>
              {t('letters.tone.hint', { why: f.why, suggestion: f.suggestion })}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
