import { useSyncExternalStore } from 'react';

const query = '(prefers-color-scheme: dark)';

/** The colour scheme the person prefers, following changes live. */
export function useColorScheme(): 'light' | 'dark' {
  const dark = useSyncExternalStore(
    (listener) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', listener);
      return () => media.removeEventListener('change', listener);
    },
    () => window.matchMedia(query).matches,
  );
  return dark ? 'dark' : 'light';
}
