def application(environ, start_response):
    write = start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"yielded first, "
    # This runs inside the returned iterable: a buffering middleware would reorder it.
    write(b"then written, ")
    yield b"then yielded\n"
