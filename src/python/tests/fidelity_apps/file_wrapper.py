import io


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    data = io.BytesIO(b"served through wsgi.file_wrapper in blocks\n")
    return environ["wsgi.file_wrapper"](data, 8)
