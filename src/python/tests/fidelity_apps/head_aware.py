def application(environ, start_response):
    body = b"a body that HEAD must not carry\n"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    if environ["REQUEST_METHOD"] == "HEAD":
        return []
    return [body]
