"""Stream a report while holding a lock, and release it in finally."""
import threading

LOCK = threading.Lock()


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    LOCK.acquire()
    environ["wsgi.errors"].write("lock taken\n")
    try:
        for number in range(1, 6):
            yield b"report line %d\n" % number
    finally:
        # Runs at the end, and also when close() stops the generator at its yield.
        LOCK.release()
        environ["wsgi.errors"].write("lock released\n")
