import { useEffect, useId, useRef, type ReactNode } from 'react';
import './curlDialogs.css';

/**
 * A modal <dialog>: the browser traps the focus, Escape closes it, and it is named by its title.
 * `open` drives it; `onClose` is called however it was closed.
 */
export function ModalDialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="builder-dialog dialog-box"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(event) => {
        // Let React's state close it, so `open` and the element agree.
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId} className="builder-dialog__title">
            {title}
          </h2>
          {children}
        </>
      )}
    </dialog>
  );
}
