def application(environ, start_response):
    start_response("204 No Content", [])
    return []
