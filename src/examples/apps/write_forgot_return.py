def application(environ, start_response):
    write = start_response("200 OK", [("Content-Type", "text/plain")])
    write(b"everything was written with write()\n")
    # ...and the function ends without a return: it returns None.
