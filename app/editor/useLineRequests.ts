/**
 * The plain code view's side of `revealInEditor`, as useRevealRequests.ts is Monaco's: a line
 * of the shown file is revealed at once; a line of another file opens that file first, and is
 * revealed once the view shows it.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { onRevealInEditor } from './revealInEditor.ts';

/** A line to scroll to; `focus`: an explicit jump, which also moves the focus there. */
export interface LineRequest {
  file: string;
  line: number;
  focus: boolean;
}

/**
 * Handle reveal requests for a view of `path`: `onOpenFile` shows another file (absent: lines
 * of other files are ignored), `onRequest` gets the line to scroll to once its file is shown.
 */
export function useLineRequests(
  path: string,
  entryFile: string,
  onOpenFile: ((file: string) => void) | undefined,
  onRequest: (request: LineRequest) => void,
): void {
  const latest = useRef({ path, entryFile, onOpenFile, onRequest });
  useLayoutEffect(() => {
    latest.current = { path, entryFile, onOpenFile, onRequest };
  });
  useEffect(
    () =>
      onRevealInEditor((line, file) => {
        const current = latest.current;
        const target = file ?? current.entryFile;
        if (target !== current.path) {
          if (!current.onOpenFile) return;
          current.onOpenFile(target);
        }
        current.onRequest({ file: target, line, focus: true });
      }),
    [],
  );
}
