import sys


def application(environ, start_response):
    sys.exit(3)
