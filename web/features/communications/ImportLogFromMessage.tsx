import { Button, Menu } from '@mantine/core';
import { useLocation } from 'wouter';
import { ACCEPTED_TYPES } from '../../../src/domain/attachment-types.ts';
import type { Attachment } from '../../api/types.ts';
import { useChildServices } from '../../components/queries.ts';
import { useT } from '../../i18n/i18n.tsx';

/** The files a school sends its service logs as: a spreadsheet, or a CSV or text export. */
const LOG_FILE_TYPES = new Set<string>([
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  ACCEPTED_TYPES.xlsx.mediaType,
]);
/** A PDF is offered too when its name says it is a log (most PDFs in a thread are letters and reports). */
const LOG_NAME = /log|servic|session|minut|attendance|registro|bit[aá]cora/iu;

const mayBeLog = (a: Attachment) =>
  LOG_FILE_TYPES.has(a.mediaType) ||
  (a.mediaType === ACCEPTED_TYPES.pdf.mediaType && LOG_NAME.test(a.filename));

/**
 * "Import as the school's service log" on a file the school sent (issue 19: the logs asked for often
 * come back in the thread of the request): opens the service's log page with the file read as if
 * chosen there. With several services, the parent says which the log is for.
 */
export function ImportLogFromMessage({
  householdId,
  childId,
  attachments,
}: {
  householdId: string;
  childId: string;
  attachments: readonly Attachment[];
}) {
  const t = useT('messages');
  const [, navigate] = useLocation();
  const { services } = useChildServices(householdId, childId);
  const files = attachments.filter(mayBeLog);
  if (services.length === 0 || files.length === 0) return null;
  const open = (serviceId: string, attachmentId: string) =>
    navigate(`/ledger/${serviceId}/school-log?attachment=${encodeURIComponent(attachmentId)}`);
  return (
    <>
      {files.map((file) =>
        services.length === 1 ? (
          <Button
            key={file.id}
            size="xs"
            variant="default"
            aria-label={t('messages.item.importLogNamed', { name: file.filename })}
            onClick={() => open(services[0]!.id, file.id)}
          >
            {t('messages.item.importLog')}
          </Button>
        ) : (
          <Menu key={file.id} position="bottom-start">
            <Menu.Target>
              <Button
                size="xs"
                variant="default"
                aria-label={t('messages.item.importLogNamed', { name: file.filename })}
              >
                {t('messages.item.importLog')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>{t('messages.item.importLogFor')}</Menu.Label>
              {services.map((s) => (
                <Menu.Item key={s.id} onClick={() => open(s.id, file.id)}>
                  {s.name}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        ),
      )}
    </>
  );
}
