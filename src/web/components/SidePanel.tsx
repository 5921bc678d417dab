/**
 * A modal panel (React Aria Dialog) at the side of the screen (record details) or in its centre (short forms,
 * confirmations): focus moves in and is trapped, Escape or a click outside closes it, and the page behind is
 * hidden from screen readers while it is open.
 */
import { useEffect, type ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface SidePanelProps {
  title: string;
  /** Badges and the like beside the title. */
  aside?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  placement?: 'side' | 'center';
  /** alertdialog for confirmations. */
  role?: 'dialog' | 'alertdialog';
}

export function SidePanel({ title, aside, onClose, children, placement = 'side', role }: SidePanelProps) {
  // Escape closes it wherever the focus is (a button that disables itself while saving drops the focus to the
  // page, out of reach of the dialog's own key handling).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <ModalOverlay
      className={placement === 'side' ? 'drawer-backdrop' : 'dialog-backdrop'}
      isOpen
      isDismissable
      isKeyboardDismissDisabled
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className={placement === 'side' ? 'drawer' : 'dialog-box'}>
        <Dialog className="drawer-dialog" role={role}>
          <header className="drawer-header">
            <Heading slot="title">{title}</Heading>
            {aside}
            <button type="button" className="btn btn-small drawer-close" onClick={onClose}>
              Fechar
            </button>
          </header>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
