def application(environ, start_response):
    body = "Grüße\n".encode("utf-8")
    # len() of the text, not of the bytes: "ü" and "ß" take two bytes each in UTF-8.
    start_response(
        "200 OK",
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len("Grüße\n")))],
    )
    return [body]
