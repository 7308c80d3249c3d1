def application(environ, start_response):
    # No body, so no Content-Type is needed: wsgiref adds Content-Length: 0.
    start_response("302 Found", [("Location", "/login")])
    return []
