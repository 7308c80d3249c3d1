def application(environ, start_response):
    start_response(b"200 OK", [("Content-Type", "text/plain")])
    return [b"status as bytes"]
