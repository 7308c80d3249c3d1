def application(environ, start_response):
    start_response("200OK", [("Content-Type", "text/plain")])
    return [b"status without a space"]
