def application(environ, start_response):
    # Status and headers are native strings (str), not bytes.
    start_response(b"200 OK", [("Content-Type", "text/plain")])
    return [b"never sent\n"]
