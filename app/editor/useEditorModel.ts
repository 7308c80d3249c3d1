import { useCallback, useSyncExternalStore } from 'react';
import type { monaco } from './monacoSetup.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

/**
 * The model `editor` shows now, as React state: effects that decorate the text depend on it,
 * so that switching files (each file its own model) decorates the new one.
 */
export function useEditorModel(editor: Editor | null): monaco.editor.ITextModel | null {
  const subscribe = useCallback(
    (changed: () => void) => {
      const changes = editor?.onDidChangeModel(changed);
      return () => changes?.dispose();
    },
    [editor],
  );
  return useSyncExternalStore(subscribe, () => editor?.getModel() ?? null);
}
