import { Button, CopyButton, Group, TextInput, VisuallyHidden } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';

/**
 * A one-time or secret link, shown in a read-only field (so it can also be selected and copied by
 * hand where the clipboard is not available) with a copy button.
 */
export function CopyLink({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const t = useT();
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
        style={{ flex: '1 1 14rem', minWidth: 0 }}
        styles={{ input: { fontFamily: 'monospace', fontSize: 'var(--mantine-font-size-xs)' } }}
      />
      <CopyButton value={value} timeout={2500}>
        {({ copied, copy }) => (
          <>
            <Button onClick={copy} variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined}>
              {copied ? t('common.copied') : copyLabel}
            </Button>
            <VisuallyHidden role="status">{copied ? t('common.copiedStatus') : ''}</VisuallyHidden>
          </>
        )}
      </CopyButton>
    </Group>
  );
}
