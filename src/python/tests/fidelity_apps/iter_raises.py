class Body:
    def __iter__(self):
        raise TypeError("cannot iterate")


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body()
