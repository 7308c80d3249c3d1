def application(environ, start_response):
    body = []
    if environ["REQUEST_METHOD"] == "GET":
        start_response("200 OK", [("Content-Type", "text/plain")])
        body.append(b"you asked for it\n")
    # Other methods fall through without a status.
    return body
