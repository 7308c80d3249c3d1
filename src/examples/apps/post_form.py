from urllib.parse import parse_qs


def application(environ, start_response):
    # Read exactly CONTENT_LENGTH bytes: no more, and no guessing.
    size = int(environ.get("CONTENT_LENGTH") or 0)
    form = parse_qs(environ["wsgi.input"].read(size).decode("utf-8"))
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [("Thanks, %s!\n" % form.get("name", ["?"])[0]).encode("utf-8")]
