class Body(list):
    def close(self):
        raise OSError("close failed")


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Body([b"body sent, then close() fails\n"])
