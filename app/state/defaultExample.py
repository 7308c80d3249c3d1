"""Hello, WSGI: the smallest useful app (PEP 3333).

The server calls application(environ, start_response)
once for each request.
"""
from urllib.parse import parse_qs


def application(environ, start_response):
    # QUERY_STRING is the raw text after the "?".
    query = parse_qs(environ.get("QUERY_STRING", ""))
    name = query.get("name", ["stranger"])[0]
    body = f"Hello, {name}!\n".encode("utf-8")

    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
