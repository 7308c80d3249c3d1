from django.conf import settings

settings.configure(
    DEBUG=False,
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["*"],
    SECRET_KEY="not a secret: a test",
    MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def hello(request):
    return HttpResponse("Hello, %s!" % request.GET.get("name", "Django"))


def data(request):
    return JsonResponse({"ok": True, "items": [1, 2]})


def stream(request):
    return StreamingHttpResponse(iter([b"one ", b"two"]))


urlpatterns = [path("hello", hello), path("json", data), path("stream", stream)]
application = get_wsgi_application()
