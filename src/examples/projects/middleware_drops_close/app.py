"""A view whose result holds a cursor, behind a middleware that answers HEAD itself."""

from middleware import strip_head_body
from views import rows

application = strip_head_body(rows)
