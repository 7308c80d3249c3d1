def application(environ, start_response):
    print("handling", environ["PATH_INFO"])
    environ["wsgi.errors"].write("a log line\n")
    environ["wsgi.errors"].flush()
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"printed and logged\n"]
