import { describe, expect, it } from 'vitest';
import { stepMoveOfKey, type StepKeyEvent } from './stepKeys.ts';

/** A focused element inside ancestors that each match one simple selector (`input`, `[role="table"]`). */
function focusIn(...ancestors: string[]): StepKeyEvent['target'] {
  return {
    closest: (selector: string) =>
      selector.split(',').some((part) => ancestors.includes(part.trim())) ? {} : null,
  };
}

const press = (key: string, more: Partial<StepKeyEvent> = {}): StepKeyEvent => ({
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  defaultPrevented: false,
  target: focusIn('button'),
  ...more,
});

describe('stepMoveOfKey', () => {
  it('steps with the arrows, Home and End', () => {
    expect(stepMoveOfKey(press('ArrowLeft'))).toBe('previous');
    expect(stepMoveOfKey(press('ArrowRight'))).toBe('next');
    expect(stepMoveOfKey(press('Home'))).toBe('first');
    expect(stepMoveOfKey(press('End'))).toBe('last');
    expect(stepMoveOfKey(press('ArrowDown'))).toBeNull();
    expect(stepMoveOfKey(press('ArrowRight', { target: null }))).toBe('next');
  });

  it('leaves the keys to text fields, selects, the editor, tabs and dialogs', () => {
    for (const place of ['input', 'textarea', 'select', '.monaco-editor', '[role="tablist"]']) {
      expect(stepMoveOfKey(press('ArrowRight', { target: focusIn(place) })), place).toBeNull();
      expect(stepMoveOfKey(press('Home', { target: focusIn(place) })), place).toBeNull();
    }
    expect(stepMoveOfKey(press('End', { target: focusIn('[role="dialog"]') }))).toBeNull();
  });

  it('leaves Home and End to the timeline’s list, but steps there with ← →', () => {
    const row = focusIn('[role="row"]', '[role="table"]');
    expect(stepMoveOfKey(press('Home', { target: row }))).toBeNull();
    expect(stepMoveOfKey(press('End', { target: row }))).toBeNull();
    expect(stepMoveOfKey(press('ArrowRight', { target: row }))).toBe('next');
  });

  it('ignores a key something else handled, and keys with modifiers', () => {
    expect(stepMoveOfKey(press('ArrowRight', { defaultPrevented: true }))).toBeNull();
    expect(stepMoveOfKey(press('ArrowLeft', { altKey: true }))).toBeNull();
    expect(stepMoveOfKey(press('ArrowRight', { shiftKey: true }))).toBeNull();
    expect(stepMoveOfKey(press('Home', { ctrlKey: true }))).toBeNull();
    expect(stepMoveOfKey(press('End', { metaKey: true }))).toBeNull();
  });
});
