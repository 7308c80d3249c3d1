TEMPLATE = "<h1>%s</h1>\n<p>module %s</p>\n"


def page(method):
    return (TEMPLATE % (method, __name__)).encode()
