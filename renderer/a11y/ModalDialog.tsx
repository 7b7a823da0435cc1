/**
 * A modal dialog done by hand (role="dialog", aria-modal) rather than with <dialog>, so it behaves the same in
 * Chromium, Electron and jsdom: focus moves in when it opens (to `initialFocus` or the first control), Tab and
 * Shift+Tab cycle inside it, Esc closes it, and focus goes back to where it was when it closes. The page behind is
 * made inert, so neither the pointer nor a screen reader's virtual cursor wanders out of it.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useLatest } from '../state/use-latest.ts';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  testId?: string;
}

export function ModalDialog({ title, onClose, children, initialFocus, className, testId }: Props) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useLatest(onClose);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    const first = initialFocus?.current ?? box.current?.querySelector<HTMLElement>(FOCUSABLE) ?? box.current;
    first?.focus();
    return () => {
      root?.removeAttribute('inert');
      if (previous?.isConnected) previous.focus();
    };
    // Opened once per mount; initialFocus is read at that moment only.
  }, [initialFocus]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close()();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...(box.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !box.current?.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !box.current?.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()()}>
      <div ref={box} role="dialog" aria-modal="true" aria-labelledby={titleId} className={`modal${className ? ` ${className}` : ''}`} data-testid={testId} tabIndex={-1} onKeyDown={onKeyDown}>
        <h2 id={titleId} className="modal-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
