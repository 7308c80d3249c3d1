def application(environ, start_response):
    write = start_response("200 OK", [("Content-Type", "text/plain")])
    write(b"written with write()\n")
    write(b"twice\n")
    return []
