import { Button, Group } from '@mantine/core';
import { useT } from '../i18n/i18n.tsx';

/**
 * A record form's last line: Cancel, then the submit button with the words for a new record or a change
 * (`saveLabel`), busy while the form is sent; `disabled` holds it back meanwhile (a file still uploading).
 */
export function FormActions({
  onCancel,
  submitting,
  saveLabel,
  disabled,
}: {
  onCancel: () => void;
  submitting: boolean;
  saveLabel: string;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel} disabled={submitting}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color="blue.8" loading={submitting} disabled={disabled}>
        {saveLabel}
      </Button>
    </Group>
  );
}
