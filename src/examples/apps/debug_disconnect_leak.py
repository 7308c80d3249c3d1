"""Stream a report while holding a lock, and release it after the loop."""
import threading

LOCK = threading.Lock()


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    LOCK.acquire()
    environ["wsgi.errors"].write("lock taken\n")
    for number in range(1, 6):
        yield b"report line %d\n" % number
    # Never reached when the client goes away: close() stops the generator at its yield.
    LOCK.release()
    environ["wsgi.errors"].write("lock released\n")
