from flask import Flask, request

app = Flask(__name__)


@app.route("/signup", methods=["POST"])
def signup():
    name = request.form.get("name", "nobody")
    return "Signed up: %s\n" % name
