import { bytesToText, fromBase64, type Trace } from '../../src/index.ts';
import type { ResultTabProps } from './resultTabProps.ts';

/** The response as the client received it: status line, headers, and the body as text. */
export function ResponseTab({ trace }: ResultTabProps) {
  return (
    <div className="panel__body">
      <ResponseView trace={trace} />
    </div>
  );
}

function ResponseView({ trace }: { trace: Trace }) {
  const { response } = trace;
  if (response.status === null) {
    return <p className="empty">No response: the server never sent headers.</p>;
  }
  const code = Number.parseInt(response.status, 10);
  const tone = code >= 500 ? 'bad' : code >= 400 ? 'warn' : 'good';
  const body = bytesToText(fromBase64(response.bodyBase64));
  return (
    <>
      <p className={`response-status response-status--${tone}`}>{response.status}</p>
      <table className="header-table">
        <tbody>
          {response.headers.map(([name, value], index) => (
            <tr key={index}>
              <th scope="row">{name}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {body === '' ? (
        <p className="empty">Empty body.</p>
      ) : (
        <pre className="response-body" aria-label="Response body">
          {body}
        </pre>
      )}
      {response.truncated && <p className="muted">The response was cut at the size limit.</p>}
    </>
  );
}
