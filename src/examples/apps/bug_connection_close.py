def application(environ, start_response):
    # Trying to control the connection from the app: that is the server's business.
    start_response(
        "200 OK",
        [("Content-Type", "text/plain"), ("Connection", "close")],
    )
    return [b"bye\n"]
