from . import render


def app(environ, start_response):
    body = render.page(environ["REQUEST_METHOD"])
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))])
    return [body]
