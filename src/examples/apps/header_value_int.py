def application(environ, start_response):
    body = b"Forty-two bytes would be a lot to count.\n"
    # len() gives an int; header values must be str.
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", len(body))])
    return [body]
