def application(environ, start_response):
    # "No Content"... with content.
    start_response("204 No Content", [])
    return [b'{"deleted": true}']
