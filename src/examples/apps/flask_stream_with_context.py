from flask import Flask, Response, request, stream_with_context

app = Flask(__name__)


@app.route("/countdown")
def countdown():
    def generate():
        yield b"counting down\n"
        # stream_with_context keeps the request context for the generator's whole life.
        start = int(request.args.get("from", "3"))
        for n in range(start, 0, -1):
            yield b"%d\n" % n

    return Response(stream_with_context(generate()), mimetype="text/plain")
