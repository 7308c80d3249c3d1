import { useEffect, useRef } from 'react';
import { defineEditorThemes, EDITOR_THEMES } from '../editor/editorThemes.ts';
import { monaco } from '../editor/monacoSetup.ts';

/** Monaco's diff editor over two texts, read-only, side by side (loaded on demand). */
export default function MonacoDiff({
  original,
  modified,
  path,
  colorScheme,
}: {
  original: string;
  modified: string;
  path: string;
  colorScheme: 'light' | 'dark';
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    defineEditorThemes(monaco);
    const language = path.endsWith('.py') ? 'python' : 'plaintext';
    const models = {
      original: monaco.editor.createModel(original, language),
      modified: monaco.editor.createModel(modified, language),
    };
    const editor = monaco.editor.createDiffEditor(element, {
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      diffWordWrap: 'on',
      wordWrap: 'on',
      useInlineViewWhenSpaceIsLimited: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      theme: EDITOR_THEMES[colorScheme],
      ariaLabel: `${path}, run B`,
      originalAriaLabel: `${path}, run A`,
    });
    editor.setModel(models);
    return () => {
      editor.dispose();
      models.original.dispose();
      models.modified.dispose();
    };
  }, [original, modified, path, colorScheme]);
  return <div ref={container} className="compare-code__monaco" data-testid="code-diff-editor" />;
}
