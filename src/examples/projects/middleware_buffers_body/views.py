import time


def countdown(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    for n in (3, 2, 1):
        yield b"%d...\n" % n
        time.sleep(0.01)  # a slow source: each chunk could go out as soon as it is made
    yield b"liftoff\n"
