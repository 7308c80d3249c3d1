import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { PackageLock, Project } from '../../src/index.ts';
import { PaneBoundary } from '../layout/PaneBoundary.tsx';
import { PaneFailureMessage } from '../layout/PaneFailureMessage.tsx';
import type { PlaygroundStore } from '../state/playgroundStore.ts';
import { copyText } from './clipboard.ts';
import { downloadText } from './download.ts';
import { shareLink } from './shareLinkOf.ts';
import type { PanelOutcome } from './SharePanel.tsx';
import type { ShareSession } from './shareSession.ts';
import type { Workbench } from './startup.ts';
import './shareMenu.css';

// The exports (script, pytest, HAR…) load when the panel first opens.
const SharePanel = lazy(() =>
  import('./SharePanel.tsx').then((module) => ({ default: module.SharePanel })),
);

/**
 * The Share button: copies a link to this run at once and opens a panel with the link, the
 * other copies (Markdown, curl, HTTPie), the downloads (Python script, pytest test, HAR) and
 * the `<iframe>` snippet for teaching pages.
 */
export function ShareMenu({
  store,
  session,
  lockOf,
}: {
  store: PlaygroundStore;
  session: ShareSession;
  /** What a project's packages resolved to (a link carries the pins), if anything. */
  lockOf?: ((project: Project) => Promise<PackageLock | null>) | undefined;
}) {
  const [open, setOpen] = useState(false);
  const [links, setLinks] = useState<{ link: string; embed: string } | null>(null);
  const [outcome, setOutcome] = useState<PanelOutcome | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const copy = async (what: string, text: string): Promise<void> => {
    setOutcome(
      (await copyText(text))
        ? { message: `Copied ${what}.` }
        : {
            message: `The clipboard is not available here: ${what} is selected below — press Ctrl+C (⌘C).`,
            fallback: text,
          },
    );
  };
  const share = async (): Promise<void> => {
    const { project, request, settings } = store.getState();
    const current: Workbench = { project, request, settings };
    const lock = (await lockOf?.(project)) ?? null;
    const link = await shareLink(current, location.href, { lock });
    const embed = await shareLink(current, location.href, { embed: true, lock });
    setLinks({ link, embed });
    setOpen(true);
    await copy(`the link (${link.length.toLocaleString('en')} characters)`, link);
  };
  const download = (filename: string, text: string, type: string): void => {
    downloadText(filename, text, type);
    setOutcome({ message: `Downloaded ${filename}.` });
  };

  return (
    <div className="share-menu" ref={root}>
      <button
        type="button"
        className="tool-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        title="Copy a link to this code, request and settings"
        onClick={() => void share()}
      >
        <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.6 3.6L10.6 8M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.6-3.6L5.4 8" />
        </svg>
        Share
      </button>
      {open && links && (
        <PaneBoundary
          name="Share panel"
          renderFailure={(failure) => (
            <div
              id={panelId}
              className="share-panel dialog-box"
              role="dialog"
              aria-label="Share and export"
            >
              <PaneFailureMessage {...failure} />
            </div>
          )}
        >
          <Suspense fallback={null}>
            <SharePanel
              id={panelId}
              store={store}
              session={session}
              links={links}
              outcome={outcome}
              onCopy={(what, text) => void copy(what, text)}
              onDownload={download}
              onClose={() => setOpen(false)}
            />
          </Suspense>
        </PaneBoundary>
      )}
    </div>
  );
}
