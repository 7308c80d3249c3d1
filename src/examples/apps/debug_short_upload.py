"""Store an uploaded note: read CONTENT_LENGTH bytes and trust that they all came."""

NOTES = []


def application(environ, start_response):
    size = int(environ.get("CONTENT_LENGTH") or 0)
    data = environ["wsgi.input"].read(size)
    # The bug: a client that stopped sending gives fewer bytes. The fix:
    # if len(data) < size: answer 400 Bad Request instead.
    NOTES.append(data)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"stored %d bytes\n" % len(data)]
