from django.conf import settings

# The whole project in one module: settings, one URL and the WSGI application.
settings.configure(
    DEBUG=False,
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["*"],
    SECRET_KEY="not a secret: an example",
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def hello(request):
    return HttpResponse("Hello, %s!\n" % request.GET.get("name", "Django"))


urlpatterns = [path("hello", hello)]
application = get_wsgi_application()
