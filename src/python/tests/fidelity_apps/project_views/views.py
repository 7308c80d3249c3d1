def hello(environ, start_response):
    path = environ["PATH_INFO"].encode("latin-1")
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"hello from " + __name__.encode() + b"\n"
    yield b"path " + path + b"\n"
