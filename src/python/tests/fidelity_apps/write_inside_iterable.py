def application(environ, start_response):
    write = start_response("200 OK", [("Content-Type", "text/plain")])

    def body():
        yield b"yielded, "
        write(b"then written from inside the iterable, ")
        yield b"then yielded again\n"

    return body()
