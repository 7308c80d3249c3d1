import { useMemo, useState } from 'react';
import { formatBytes } from '../common/formatting.ts';
import { HexView } from '../common/HexView.tsx';
import {
  decodeBody,
  findHeader,
  isHtmlType,
  isJsonType,
  parseContentType,
  prettyJson,
  previewDocument,
} from './responseBody.ts';
import { ViewSwitch } from './ViewSwitch.tsx';
import { visiblePieces } from './visibleText.ts';

type BodyView = 'Text' | 'Hex' | 'Preview';

/** Characters of text shown before "Show all" (a 4 MB body would make the tab crawl). */
const TEXT_CAP = 200_000;

/** What the body view needs from the response. */
export interface ResponseBodyProps {
  /** The body bytes that were kept. */
  body: Uint8Array;
  /** How many body bytes were sent in all. */
  bodySize: number;
  headers: readonly (readonly [string, string])[];
  truncated: boolean;
}

/** The response body as text (JSON pretty-printed), as hex, or as a sandboxed HTML preview. */
export function ResponseBody({ body, bodySize, headers, truncated }: ResponseBodyProps) {
  const [view, setView] = useState<BodyView>('Text');
  const contentTypeValue = findHeader(headers, 'content-type');
  const contentType = parseContentType(contentTypeValue);
  const html = isHtmlType(contentType.mediaType);
  const options: BodyView[] = html ? ['Text', 'Hex', 'Preview'] : ['Text', 'Hex'];
  // A view that this body does not have (Preview of a non-HTML body) falls back to Text.
  const shown: BodyView = options.includes(view) ? view : 'Text';
  const decoded = useMemo(() => decodeBody(body, contentType.charset), [body, contentType.charset]);

  return (
    <div className="body-view">
      <div className="body-view__bar">
        <h2 className="response-tab__heading">
          Body <span className="muted">{formatBytes(bodySize)}</span>
        </h2>
        <span className="body-view__type muted">
          {contentTypeValue ?? 'no Content-Type'} · read as {decoded.encoding}
          {decoded.lossy && ' (not valid: replacement characters shown)'}
        </span>
        {body.length > 0 && (
          <ViewSwitch label="Body view" options={options} value={shown} onChange={setView} />
        )}
      </div>
      {truncated && body.length < bodySize && (
        <p className="cut-note">
          Showing the first {formatBytes(body.length)} of {formatBytes(bodySize)}: the rest was sent
          but not kept (the wire limit).
        </p>
      )}
      {body.length === 0 ? (
        <p className="empty">Empty body.</p>
      ) : shown === 'Hex' ? (
        <HexView bytes={body} label="Response body bytes" />
      ) : shown === 'Preview' ? (
        <HtmlPreview html={decoded.text} />
      ) : (
        <BodyText text={decoded.text} declaredJson={isJsonType(contentType.mediaType)} />
      )}
    </div>
  );
}

function BodyText({ text, declaredJson }: { text: string; declaredJson: boolean }) {
  const [raw, setRaw] = useState(false);
  const [all, setAll] = useState(false);
  const pretty = useMemo(() => prettyJson(text, declaredJson), [text, declaredJson]);
  const full = pretty !== null && !raw ? pretty : text;
  const cut = !all && full.length > TEXT_CAP;
  const pieces = useMemo(
    () => visiblePieces(cut ? full.slice(0, TEXT_CAP) : full, true),
    [full, cut],
  );
  return (
    <>
      {pretty !== null && (
        <p className="body-view__note">
          {raw ? 'JSON, as sent.' : 'JSON, pretty-printed.'}{' '}
          <button type="button" className="link-button" onClick={() => setRaw(!raw)}>
            {raw ? 'Pretty-print' : 'Show as sent'}
          </button>
        </p>
      )}
      <pre className="body-view__text" aria-label="Response body">
        {pieces.map((piece, index) =>
          piece.control ? (
            <span key={index} className="body-view__control">
              {piece.text}
            </span>
          ) : (
            piece.text
          ),
        )}
      </pre>
      {cut && (
        <p className="body-view__note">
          Showing {TEXT_CAP.toLocaleString('en')} of {full.length.toLocaleString('en')} characters.{' '}
          <button type="button" className="link-button" onClick={() => setAll(true)}>
            Show all
          </button>
        </p>
      )}
    </>
  );
}

function HtmlPreview({ html }: { html: string }) {
  const doc = useMemo(() => previewDocument(html), [html]);
  return (
    <>
      <p className="body-view__note">
        Sandboxed: scripts run in an opaque origin, so they cannot reach this page, its cookies or
        its storage; nothing is fetched from the network.
      </p>
      {/* No allow-same-origin: with it, the response's scripts could remove their own sandbox. */}
      <iframe
        className="body-view__preview"
        title="HTML preview"
        sandbox="allow-scripts"
        srcDoc={doc}
      />
    </>
  );
}
