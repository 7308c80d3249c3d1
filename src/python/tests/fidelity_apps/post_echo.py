def application(environ, start_response):
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    start_response(
        "200 OK", [("Content-Type", environ.get("CONTENT_TYPE", "application/octet-stream"))]
    )
    return [b"echo: ", body]
