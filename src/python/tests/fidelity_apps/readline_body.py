def application(environ, start_response):
    stream = environ["wsgi.input"]
    lines = []
    while True:
        line = stream.readline()
        if not line:
            break
        lines.append(line)
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-Lines", str(len(lines)))])
    return lines or [b"(empty)\n"]
