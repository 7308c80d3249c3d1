def application(environ, start_response):
    # The imperative, legacy style: start_response returns write().
    write = start_response("200 OK", [("Content-Type", "text/plain")])
    write(b"written with write()\n")
    write(b"and again\n")
    return []  # still return an iterable, if only an empty one
