def application(environ, start_response):
    name = "résumé-✓.txt"
    start_response(
        "200 OK",
        [
            ("Content-Type", "text/plain"),
            ("Content-Disposition", 'attachment; filename="%s"' % name),
        ],
    )
    return [b"the file\n"]
