def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    # Each chunk goes to the client before the server asks for the next one.
    for step in range(1, 4):
        report = sum(range(step * 10000))  # pretend to work
        yield b"step %d done: %d\n" % (step, report)
