from urllib.parse import parse_qs


def application(environ, start_response):
    # "Redirect back to where you came from", with the target taken from the query string.
    target = parse_qs(environ["QUERY_STRING"]).get("next", ["/"])[0]
    start_response("302 Found", [("Location", target)])
    return []
