PAGES = {"/": b"Home\n", "/about": b"About us\n"}


def application(environ, start_response):
    # PATH_INFO is the path below the app's mount point (SCRIPT_NAME).
    path = environ.get("PATH_INFO") or "/"
    if path in PAGES:
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [PAGES[path]]
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"No page at " + path.encode("latin-1") + b"\n"]
