"""A view behind a middleware that calls the server's start_response too late."""

from middleware import Gzipish
from views import page

application = Gzipish(page)
