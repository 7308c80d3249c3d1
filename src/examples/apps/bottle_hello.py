import bottle

app = bottle.Bottle()


@app.route("/hello/<name>")
def hello(name):
    bottle.response.content_type = "text/plain; charset=utf-8"
    return "Hello, %s!\n" % name
