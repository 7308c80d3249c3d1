def application(environ, start_response):
    write = start_response("200 OK", [("Content-Type", "text/plain")])
    write(b"first by write()\n")
    return [b"then ", b"by the iterable\n"]
