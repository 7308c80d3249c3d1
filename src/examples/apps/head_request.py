def application(environ, start_response):
    body = b"a page that HEAD must not carry\n"
    start_response(
        "200 OK",
        [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))],
    )
    # HEAD gets the same headers, Content-Length included, and no body.
    if environ["REQUEST_METHOD"] == "HEAD":
        return []
    return [body]
