"""A streaming view behind a middleware that buffers the whole body to count it."""

from middleware import ContentLength
from views import countdown

application = ContentLength(countdown)
