def application(environ, start_response):
    # Any status the app likes, and its own headers; a relative Location is valid HTTP.
    start_response(
        "201 Created",
        [
            ("Content-Type", "application/json"),
            ("Location", "/items/42"),
            ("Cache-Control", "no-store"),
        ],
    )
    return [b'{"id": 42}\n']
