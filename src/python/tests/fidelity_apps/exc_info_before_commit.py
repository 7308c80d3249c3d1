import sys


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html")])
    try:
        raise ValueError("template failed")
    except ValueError:
        start_response(
            "500 Internal Server Error", [("Content-Type", "text/plain")], sys.exc_info()
        )
        return [b"replaced the pending 200\n"]
