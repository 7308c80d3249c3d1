def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    log = environ["wsgi.errors"]
    try:
        for n in range(3):
            yield b"chunk %d\n" % n
    finally:
        # A generator's close() runs this, even if the server stops iterating early.
        log.write("cleanup ran\n")
