import { Drawer, Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/i18n.tsx';
import contrast from './contrast.module.css';

// Mantine's dialogs render their title bar as a <header>, which screen readers (and axe) take for a
// second page banner beside the app's own. These wrappers render the same dialogs with a plain title
// bar; the title is the dialog's heading (h2) and its accessible name.

type DialogProps = { opened: boolean; onClose(): void; title: ReactNode; children: ReactNode };

/**
 * The phone's Back button (or a browser's) closes an open dialog instead of leaving the page, as
 * people expect of a sheet. Opening pushes a history entry of the same address; Back pops it and
 * closes the dialog. Closing it any other way takes that entry back off, unless the dialog moved on
 * to another page or another dialog opened (then the entry is no longer the current one and history
 * is left alone).
 */
function useCloseOnBack(opened: boolean, onClose: () => void) {
  const key = useId();
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    if (!opened) return;
    window.history.pushState({ ...(window.history.state ?? {}), asWrittenDialog: key }, '');
    let poppedByBack = false;
    const onPop = () => {
      // Back from a dialog opened on top of this one lands on this dialog's own entry: stay open.
      if (window.history.state?.asWrittenDialog === key) return;
      poppedByBack = true;
      close.current();
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
      if (poppedByBack) return;
      // Next tick: a dialog opened right after this one closed (a confirmation) has pushed its own
      // entry by then, and going back would close it; its entry is then left in place instead.
      setTimeout(() => {
        if (window.history.state?.asWrittenDialog === key) window.history.back();
      }, 0);
    };
  }, [opened, key]);
}

/** A bottom sheet on a phone (within thumb reach), a side panel on a wider screen. */
export function ResponsiveDrawer({ opened, onClose, title, children }: DialogProps) {
  const t = useT();
  const wide = useMediaQuery('(min-width: 48em)');
  useCloseOnBack(opened, onClose);
  return (
    <Drawer.Root
      className={contrast.scope}
      opened={opened}
      onClose={onClose}
      position={wide ? 'right' : 'bottom'}
      size={wide ? 'md' : 'auto'}
    >
      <Drawer.Overlay />
      <Drawer.Content
        style={wide ? undefined : { maxHeight: '92dvh', borderTopLeftRadius: 16, borderTopRightRadius: 16 }}
      >
        <Drawer.Header role="none">
          <Drawer.Title fw={700} fz="lg">
            {title}
          </Drawer.Title>
          <Drawer.CloseButton aria-label={t('common.close')} />
        </Drawer.Header>
        <Drawer.Body>{children}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

/** A centred dialog (a confirmation). */
export function PlainModal({ opened, onClose, title, children }: DialogProps) {
  const t = useT();
  useCloseOnBack(opened, onClose);
  return (
    <Modal.Root className={contrast.scope} opened={opened} onClose={onClose} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header role="none">
          <Modal.Title fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
