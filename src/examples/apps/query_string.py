from urllib.parse import parse_qs


def application(environ, start_response):
    # QUERY_STRING is the raw text after "?"; parsing it is the app's job.
    params = parse_qs(environ.get("QUERY_STRING", ""))
    name = params.get("name", ["stranger"])[0]
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [("Hello, %s!\n" % name).encode("utf-8")]
