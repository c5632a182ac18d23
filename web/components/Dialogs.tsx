import { Drawer, Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import contrast from './contrast.module.css';

// Mantine's dialogs render their title bar as a <header>, which screen readers (and axe) take for a
// second page banner beside the app's own. These wrappers render the same dialogs with a plain title
// bar; the title is the dialog's heading (h2) and its accessible name.

type DialogProps = { opened: boolean; onClose(): void; title: ReactNode; children: ReactNode };

/** A bottom sheet on a phone (within thumb reach), a side panel on a wider screen. */
export function ResponsiveDrawer({ opened, onClose, title, children }: DialogProps) {
  const wide = useMediaQuery('(min-width: 48em)');
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
          <Drawer.CloseButton aria-label="Close" />
        </Drawer.Header>
        <Drawer.Body>{children}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

/** A centred dialog (a confirmation). */
export function PlainModal({ opened, onClose, title, children }: DialogProps) {
  return (
    <Modal.Root className={contrast.scope} opened={opened} onClose={onClose} centered>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header role="none">
          <Modal.Title fw={700} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label="Close" />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
