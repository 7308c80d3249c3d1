"""The app as the server gets it: a view wrapped in a middleware from another module."""

from middleware import HeaderStamp
from views import hello

application = HeaderStamp(hello)
