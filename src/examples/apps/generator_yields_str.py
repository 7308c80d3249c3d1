def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    name = "Zoë"
    # Text must be encoded: the body is bytes.
    yield "Hello, %s!\n" % name
