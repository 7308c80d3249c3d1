from urllib.parse import parse_qs


def application(environ, start_response):
    params = parse_qs(environ["QUERY_STRING"])
    name = params.get("name", ["nobody"])[0]
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [("Hello, %s! (%s)\n" % (name, environ["REQUEST_METHOD"])).encode("utf-8")]
