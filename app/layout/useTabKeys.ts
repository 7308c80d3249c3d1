import { useRef, type KeyboardEvent } from 'react';

/**
 * Arrow-key movement across a tablist (WAI-ARIA tabs pattern): Left/Right select and focus the
 * previous/next tab, wrapping around. Give each tab `ref={tabRef(name)}` and the tablist
 * `onKeyDown={onKeyDown}`.
 */
export function useTabKeys<T extends string>(
  tabs: readonly T[],
  active: T,
  setActive: (tab: T) => void,
) {
  const refs = useRef<Partial<Record<T, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(active) + step + tabs.length) % tabs.length] ?? active;
    setActive(next);
    refs.current[next]?.focus();
  };
  const tabRef =
    (name: T) =>
    (element: HTMLButtonElement | null): void => {
      refs.current[name] = element;
    };
  return { onKeyDown, tabRef };
}
