import type { BrowserEngine, RequestDraft } from '../../src/index.ts';
import type { RunSettings } from '../playgroundStore.ts';

/** What the request builder shows and changes. */
export interface RequestBuilderProps {
  request: RequestDraft;
  settings: RunSettings;
  onRequest: (patch: Partial<RequestDraft>) => void;
  onSettings: (patch: Partial<RunSettings>) => void;
  /** The engine, for the live environ preview. */
  engine: BrowserEngine;
}

/** The request builder: query parameters, headers, body, settings and the environ preview (being built). */
export function RequestBuilder({ request }: RequestBuilderProps) {
  return (
    <section className="request-builder" aria-label="Request builder">
      <p className="empty">
        {request.method} {request.target} — the request builder is being built.
      </p>
    </section>
  );
}
