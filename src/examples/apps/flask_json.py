from flask import Flask, jsonify, request

app = Flask(__name__)


@app.route("/api/greeting")
def greeting():
    name = request.args.get("name", "world")
    return jsonify(greeting="Hello, %s!" % name, length=len(name))
