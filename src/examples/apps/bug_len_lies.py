class Page:
    """A page body that claims to be a single chunk."""

    def __init__(self, parts):
        self.parts = parts

    def __len__(self):
        return 1  # "one page" -- but the server reads it as "one chunk"

    def __iter__(self):
        return iter(self.parts)


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return Page([b"header\n", b"body\n", b"footer\n"])
