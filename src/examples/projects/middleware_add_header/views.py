def hello(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"Hello from "
    yield b"views.py\n"
