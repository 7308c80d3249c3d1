import { useCallback, useState, type ReactNode } from 'react';
import { readQuery, type BrowserEngine, type RequestDraft } from '../../src/index.ts';
import { toCurl, type CurlImport } from '../../src/share/exports.ts';
import type { RunSettings } from '../state/playgroundStore.ts';
import { BodyPanel } from './BodyPanel.tsx';
import { CopyCurlButton } from './CopyCurlButton.tsx';
import { CurlPasteDialog } from './CurlPasteDialog.tsx';
import { EnvironPreviewPanel } from './EnvironPreviewPanel.tsx';
import { HeadersPanel } from './HeadersPanel.tsx';
import { ImportNotice } from './ImportNotice.tsx';
import { ParamsPanel } from './ParamsPanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';
import './requestBuilder.css';
import { useTabKeys } from '../layout/useTabKeys.ts';

/** What the request builder shows and changes. */
export interface RequestBuilderProps {
  request: RequestDraft;
  settings: RunSettings;
  onRequest: (patch: Partial<RequestDraft>) => void;
  onSettings: (patch: Partial<RunSettings>) => void;
  /** The project's entry (`module:callable`), set in the Settings tab. */
  entry: string;
  onEntry: (entry: string) => void;
  /** The per-run time limit, edited with the settings. */
  timeLimitMs: number;
  onTimeLimit: (ms: number) => void;
  /** The engine, for the live environ preview. */
  engine: BrowserEngine;
}

/** The builder's tabs, in order. ("Preview", not "Environ…": that name is the results tab's.) */
export const BUILDER_TABS = ['Params', 'Headers', 'Body', 'Settings', 'Preview'] as const;
type BuilderTab = (typeof BUILDER_TABS)[number];

/** Short counts beside the tab names. */
function badges(request: RequestDraft): Partial<Record<BuilderTab, string>> {
  const params = readQuery(request.target).length;
  const headers = request.headers.filter((h) => h.enabled).length;
  const { mode } = request.body;
  return {
    ...(params > 0 ? { Params: String(params) } : {}),
    ...(headers > 0 ? { Headers: String(headers) } : {}),
    ...(mode === 'none' ? {} : { Body: mode === 'json' ? 'JSON' : mode }),
  };
}

/**
 * The request builder: query parameters, headers, body, server settings and a live preview of
 * the environ, with curl import and export.
 */
export function RequestBuilder({
  request,
  settings,
  onRequest,
  onSettings,
  entry,
  onEntry,
  timeLimitMs,
  onTimeLimit,
  engine,
}: RequestBuilderProps) {
  const [active, setActive] = useState<BuilderTab>('Params');
  const [pasting, setPasting] = useState(false);
  const [imported, setImported] = useState<CurlImport | null>(null);
  const { onKeyDown, tabRef } = useTabKeys(BUILDER_TABS, active, setActive);
  const counts = badges(request);
  const dismissImport = useCallback(() => setImported(null), []);

  const fill = (result: CurlImport): void => {
    const { method, target, headers, body } = result.request;
    onRequest({ method, target, headers, body });
    // A curl command speaks HTTP/1.1 unless it says --http1.0.
    onSettings({ httpVersion: '1.1', ...result.settings });
    setPasting(false);
    setImported(result);
  };
  const panels: Record<BuilderTab, ReactNode> = {
    Params: <ParamsPanel target={request.target} onTarget={(target) => onRequest({ target })} />,
    Headers: <HeadersPanel request={request} onHeaders={(headers) => onRequest({ headers })} />,
    Body: (
      <BodyPanel
        body={request.body}
        onBody={(patch) => onRequest({ body: { ...request.body, ...patch } })}
      />
    ),
    Settings: (
      <SettingsPanel
        settings={settings}
        onSettings={onSettings}
        entry={entry}
        onEntry={onEntry}
        timeLimitMs={timeLimitMs}
        onTimeLimit={onTimeLimit}
      />
    ),
    Preview: (
      <EnvironPreviewPanel
        engine={engine}
        request={request}
        settings={settings}
        active={active === 'Preview'}
      />
    ),
  };

  return (
    <div className="request-builder">
      <div className="request-builder__head">
        <div
          className="request-builder__tabs"
          role="tablist"
          aria-label="Request builder"
          onKeyDown={onKeyDown}
        >
          {BUILDER_TABS.map((name) => (
            <button
              key={name}
              ref={tabRef(name)}
              type="button"
              role="tab"
              id={`builder-tab-${name}`}
              aria-selected={active === name}
              aria-controls={`builder-panel-${name}`}
              tabIndex={active === name ? 0 : -1}
              className="request-builder__tab"
              title={
                name === 'Preview' ? 'Live preview of the environ this request produces' : undefined
              }
              onClick={() => setActive(name)}
            >
              {name}
              {counts[name] !== undefined && (
                <span className="request-builder__badge">{counts[name]}</span>
              )}
            </button>
          ))}
        </div>
        <div className="builder-toolbar" role="group" aria-label="curl">
          <span className="builder-toolbar__label" aria-hidden="true">
            curl
          </span>
          <button
            type="button"
            className="rb-button"
            aria-label="Paste curl"
            title="Fill the request from a curl command"
            onClick={() => setPasting(true)}
          >
            Paste
          </button>
          <CopyCurlButton
            command={() =>
              toCurl(request, {
                baseUrl: `${settings.urlScheme}://localhost`,
                httpVersion: settings.httpVersion,
              })
            }
          />
        </div>
      </div>
      {imported && <ImportNotice result={imported} onDismiss={dismissImport} />}
      {BUILDER_TABS.map((name) => (
        <div
          key={name}
          role="tabpanel"
          id={`builder-panel-${name}`}
          aria-labelledby={`builder-tab-${name}`}
          hidden={active !== name}
          className="request-builder__panel"
        >
          {panels[name]}
        </div>
      ))}
      <CurlPasteDialog open={pasting} onClose={() => setPasting(false)} onImport={fill} />
    </div>
  );
}
