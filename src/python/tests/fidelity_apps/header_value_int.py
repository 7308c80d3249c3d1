def application(environ, start_response):
    body = b"length as an int"
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", len(body))])
    return [body]
