def index(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"late\n", b"start\n"]
