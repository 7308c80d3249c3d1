/**
 * The editor's side of `revealInEditor`: reveal the line, opening its file first when the
 * editor shows another one (the reveal then waits until that file's model is on screen).
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { monaco } from './monacoSetup.ts';
import { onRevealInEditor } from './revealInEditor.ts';

type Editor = monaco.editor.IStandaloneCodeEditor;

/** Reveal `line`, put the cursor on its first character and take the focus. */
function reveal(editor: Editor, line: number): void {
  const model = editor.getModel();
  if (!model || line < 1 || line > model.getLineCount()) return;
  editor.revealLineInCenter(line);
  editor.setPosition({
    lineNumber: line,
    column: model.getLineFirstNonWhitespaceColumn(line) || 1,
  });
  editor.focus();
}

/** Handle reveal requests for `editor`, which shows `path`; `onOpenFile` shows another file. */
export function useRevealRequests(
  editor: Editor | null,
  path: string,
  entryFile: string,
  onOpenFile: ((file: string) => void) | undefined,
): void {
  const pending = useRef<{ file: string; line: number } | null>(null);
  const latest = useRef({ path, entryFile, onOpenFile });
  useLayoutEffect(() => {
    latest.current = { path, entryFile, onOpenFile };
  });

  useEffect(() => {
    if (!editor) return;
    return onRevealInEditor((line, file) => {
      const target = file ?? latest.current.entryFile;
      if (target === latest.current.path) {
        reveal(editor, line);
      } else if (latest.current.onOpenFile) {
        pending.current = { file: target, line };
        latest.current.onOpenFile(target);
      }
    });
  }, [editor]);

  // Monaco's wrapper swaps the model in its own effect, which runs before this one.
  useEffect(() => {
    const wanted = pending.current;
    if (!editor || !wanted || wanted.file !== path) return;
    pending.current = null;
    reveal(editor, wanted.line);
  }, [editor, path]);
}
