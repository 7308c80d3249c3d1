"""The app as the server gets it: a Flask app behind a middleware that logs request bodies."""

from middleware import LogBody
from views import app

application = LogBody(app.wsgi_app)
