import io


def application(environ, start_response):
    data = io.BytesIO(b"served through wsgi.file_wrapper, 16 bytes at a time\n")
    start_response("200 OK", [("Content-Type", "text/plain")])
    # The server's wrapper may use sendfile(); wsgiref iterates it in blocks.
    if "wsgi.file_wrapper" in environ:
        return environ["wsgi.file_wrapper"](data, 16)
    return iter(lambda: data.read(16), b"")
