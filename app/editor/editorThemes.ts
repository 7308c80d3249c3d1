/**
 * Monaco's own light and dark themes, with the colours that fall short of WCAG AA (4.5:1 for
 * text; axe-core checks the page in e2e/accessibility.spec.ts) made darker or lighter.
 */
import type { monaco as Monaco } from './monacoSetup.ts';

/** The theme names to give the editor. */
export const EDITOR_THEMES = { light: 'playground-light', dark: 'playground-dark' } as const;

/** Define the playground's themes (idempotent: Monaco replaces a theme of the same name). */
export function defineEditorThemes(monaco: typeof Monaco): void {
  monaco.editor.defineTheme(EDITOR_THEMES.light, {
    base: 'vs',
    inherit: true,
    rules: [],
    colors: {},
  });
  monaco.editor.defineTheme(EDITOR_THEMES.dark, {
    base: 'vs-dark',
    inherit: true,
    // vs-dark's comments (#608b4e) are 4.2:1 on its background.
    rules: [{ token: 'comment', foreground: '7aa866' }],
    colors: {},
  });
}
