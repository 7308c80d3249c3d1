def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-Check", "\u2713")])
    return [b"the header cannot be encoded"]
