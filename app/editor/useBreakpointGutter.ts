import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { monaco } from './monacoSetup.ts';

type CodeEditorInstance = monaco.editor.IStandaloneCodeEditor;

/**
 * Line breakpoints in Monaco's glyph margin: a dot on each line in `lines`; a click in the
 * margin, or F9 on the caret's line (as in VS Code), toggles one. Without `onToggle` the
 * margin is not shown at all (runs cannot be held here).
 */
export function useBreakpointGutter(
  editor: CodeEditorInstance | null,
  lines: readonly number[] | undefined,
  onToggle: ((line: number) => void) | undefined,
): void {
  const dots = useMemo(() => editor?.createDecorationsCollection(), [editor]);
  const toggle = useRef(onToggle);
  useLayoutEffect(() => {
    toggle.current = onToggle;
  });
  const enabled = onToggle !== undefined;

  useEffect(() => {
    if (!editor) return;
    editor.updateOptions({ glyphMargin: enabled });
    if (!enabled) return;
    const mouse = editor.onMouseDown((event) => {
      const line = event.target.position?.lineNumber;
      if (event.target.type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN && line) {
        toggle.current?.(line);
      }
    });
    const action = editor.addAction({
      id: 'wsgi-playground.toggle-breakpoint',
      label: 'Toggle breakpoint (hold live runs at this line)',
      keybindings: [monaco.KeyCode.F9],
      run: (instance) => {
        const line = instance.getPosition()?.lineNumber;
        if (line) toggle.current?.(line);
      },
    });
    return () => {
      mouse.dispose();
      action.dispose();
    };
  }, [editor, enabled]);

  useEffect(() => {
    dots?.set(
      (lines ?? []).map((line) => ({
        range: new monaco.Range(line, 1, line, 1),
        options: {
          glyphMarginClassName: 'editor-breakpoint',
          glyphMarginHoverMessage: {
            value:
              'Breakpoint: Run holds the app at the events of this line (click or F9 to remove)',
          },
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
        },
      })),
    );
  }, [dots, lines]);
}
