def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"no ", b"content-length ", b"for several chunks\n"]
