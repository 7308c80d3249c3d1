def strip_head_body(app):
    """Middleware: answer HEAD with headers only."""

    def head_without_body(environ, start_response):
        result = app(environ, start_response)
        if environ["REQUEST_METHOD"] == "HEAD":
            return []  # drops the inner iterable without calling its close()
        return result

    return head_without_body
