from flask import Flask, Response, request

app = Flask(__name__)


@app.route("/countdown")
def countdown():
    def generate():
        yield b"counting down\n"
        # By now the view has returned and Flask has popped the request context.
        start = int(request.args.get("from", "3"))
        for n in range(start, 0, -1):
            yield b"%d\n" % n

    return Response(generate(), mimetype="text/plain")
