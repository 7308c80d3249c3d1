def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    try:
        for i in range(3):
            yield b"chunk %d\n" % i
    finally:
        environ["wsgi.errors"].write("cleanup ran\n")
