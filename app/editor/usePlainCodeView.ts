import { useCallback, useState } from 'react';
import { useTouchOnly } from '../layout/useTouchOnly.ts';
import { fullEditorChosen, rememberFullEditor, sessionStore } from './fullEditorChoice.ts';

/** Whether the plain code view stands in for Monaco here, and how to choose Monaco instead. */
export interface PlainCodeViewChoice {
  /** True on a touch-only screen unless the person chose the full editor this session. */
  plain: boolean;
  /** Load the full editor for the rest of the session ("Use the full editor anyway"). */
  chooseFullEditor: () => void;
}

/**
 * Monaco does not support mobile browsers (its own docs say so): on a touch-only screen the
 * code is shown in the plain code view (TouchCodeView) unless the person asks for Monaco.
 */
export function usePlainCodeView(): PlainCodeViewChoice {
  const touchOnly = useTouchOnly();
  const [full, setFull] = useState(() => fullEditorChosen(sessionStore()));
  const chooseFullEditor = useCallback(() => {
    rememberFullEditor(sessionStore());
    setFull(true);
  }, []);
  return { plain: touchOnly && !full, chooseFullEditor };
}
