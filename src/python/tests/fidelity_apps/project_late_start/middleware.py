class Late:
    """Passes the status on only when the first chunk comes (as a lazy middleware might)."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        held = []
        result = self.app(
            environ, lambda status, headers, exc_info=None: held.append((status, headers))
        )
        try:
            for chunk in result:
                if held:
                    status, headers = held.pop()
                    start_response(status, headers + [("X-Late", "yes")])
                yield chunk
        finally:
            close = getattr(result, "close", None)
            if close is not None:
                close()
