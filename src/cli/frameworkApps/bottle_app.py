import bottle

app = bottle.Bottle()


@app.route("/hello")
def hello():
    return "Hello, %s!" % bottle.request.query.get("name", "Bottle")


@app.route("/json")
def data():
    return {"ok": True, "items": [1, 2]}
