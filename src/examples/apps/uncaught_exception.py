def application(environ, start_response):
    # A missing header raises KeyError; nothing catches it, so the server sends its own 500.
    token = environ["HTTP_AUTHORIZATION"]
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"token: " + token.encode("latin-1")]
