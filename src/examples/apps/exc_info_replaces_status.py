import sys


def render(environ):
    raise ValueError("the template is missing")


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html")])
    try:
        body = render(environ)
    except ValueError:
        # Nothing was sent yet: exc_info lets the app change its mind about the status.
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info())
        return [b"Sorry, something went wrong.\n"]
    return [body]
