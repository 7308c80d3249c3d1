import falcon


class Hello:
    def on_get(self, req, resp):
        resp.text = "Hello, %s!" % req.get_param("name", default="Falcon")
        resp.content_type = falcon.MEDIA_TEXT


class Data:
    def on_get(self, req, resp):
        resp.media = {"ok": True, "items": [1, 2]}


app = falcon.App()
app.add_route("/hello", Hello())
app.add_route("/json", Data())
