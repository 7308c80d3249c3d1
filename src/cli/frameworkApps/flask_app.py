from flask import Flask, jsonify, redirect, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    return "Hello, %s!" % request.args.get("name", "Flask")


@app.route("/json")
def data():
    return jsonify(ok=True, items=[1, 2])


@app.route("/old")
def old():
    return redirect("/hello")
