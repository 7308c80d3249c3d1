def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    # Forgot HEAD: the body goes out anyway.
    return [b"a body the client did not ask for\n"]
