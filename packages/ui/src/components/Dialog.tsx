import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { cx } from './cx';

export interface ModalDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: string;
  /** `warning` for destructive confirmations: red top border and role="alertdialog". */
  tone?: 'default' | 'warning';
  children: ReactNode;
}

/**
 * A modal dialog on react-aria: focus is trapped inside and returns to the trigger on close, Escape closes, the page
 * behind is inert for assistive technology.
 */
export function ModalDialog({ isOpen, onOpenChange, title, tone = 'default', children }: ModalDialogProps) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable>
      <Modal className={cx('modal', tone === 'warning' && 'modal--warning')}>
        <Dialog className="dialog" role={tone === 'warning' ? 'alertdialog' : 'dialog'}>
          <Heading slot="title" level={2} className="dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
