def application(environ, start_response):
    raise KeyError("missing setting")
