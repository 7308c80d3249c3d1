def page(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    yield b"<h1>Late</h1>\n"
    yield b"<p>The headers went after the body.</p>\n"
