from django.conf import settings

settings.configure(
    DEBUG=False,
    ROOT_URLCONF=__name__,
    ALLOWED_HOSTS=["*"],
    SECRET_KEY="not a secret: an example",
)

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import StreamingHttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

ROWS = ["id,name", "1,Ada", "2,Grace", "3,Linus"]


def export(request):
    lines = ("%s\n" % row for row in ROWS)
    response = StreamingHttpResponse(lines, content_type="text/csv")
    # A guess: 16 bytes a row. The generator has not run, so nobody knows the real size.
    response["Content-Length"] = str(16 * len(ROWS))
    return response


urlpatterns = [path("export.csv", export)]
application = get_wsgi_application()
