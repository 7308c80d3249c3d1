import { useMemo } from 'react';
import { toHttpRequest, type FieldRow, type RequestDraft } from '../../src/index.ts';
import { FieldTable } from './FieldTable.tsx';

const COMMON_HEADERS = [
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Authorization',
  'Cache-Control',
  'Content-Length',
  'Content-Type',
  'Cookie',
  'Host',
  'If-Modified-Since',
  'If-None-Match',
  'Origin',
  'Range',
  'Referer',
  'User-Agent',
  'X-Forwarded-For',
  'X-Forwarded-Proto',
  'X-Requested-With',
];

/** What the client adds to the headers typed, and what is odd about them. */
function clientView(request: RequestDraft) {
  const http = toHttpRequest(request);
  const typed = request.headers.filter((h) => h.enabled && h.name.trim() !== '').length;
  const length = atob(http.bodyBase64).length;
  const given = (name: string): FieldRow | undefined =>
    request.headers.find((h) => h.enabled && h.name.trim().toLowerCase() === name);
  const declared = given('content-length')?.value.trim();
  return {
    added: http.headers.slice(typed),
    noHost: given('host') === undefined && !/^https?:\/\//i.test(request.target),
    lie: declared !== undefined && declared !== String(length) ? { declared, length } : null,
  };
}

/** The headers table, with the headers the client adds for the body shown greyed below it. */
export function HeadersPanel({
  request,
  onHeaders,
}: {
  request: RequestDraft;
  onHeaders: (headers: FieldRow[]) => void;
}) {
  const { added, noHost, lie } = useMemo(() => clientView(request), [request]);
  const footer = (
    <>
      {added.length > 0 && (
        <div className="auto-headers" role="group" aria-label="Headers added by the client">
          <span className="auto-headers__title">added by the client, from the body:</span>
          {added.map(([name, value]) => (
            <div className="field-table__row field-table__row--auto" key={name}>
              <span aria-hidden="true" />
              <span className="field-table__auto">{name}</span>
              <span className="field-table__auto" title={value}>
                {value}
              </span>
            </div>
          ))}
        </div>
      )}
      {noHost && (
        <p className="builder-note">
          No <code>Host</code> header: the server will use <code>SERVER_NAME=localhost</code>.
        </p>
      )}
      {lie && (
        <p className="builder-note builder-note--warn" role="note">
          <code>Content-Length: {lie.declared}</code> but the body has {lie.length} bytes — sent as
          typed, so the app reads a lying length.
        </p>
      )}
    </>
  );
  return (
    <div className="builder-panel">
      <datalist id="header-names">
        {COMMON_HEADERS.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <FieldTable
        rows={request.headers}
        onChange={onHeaders}
        noun="Header"
        nameList="header-names"
        footer={footer}
        empty="No headers typed."
      />
    </div>
  );
}
