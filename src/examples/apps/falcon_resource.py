import falcon


class Books:
    """A resource: Falcon calls on_get for a GET to its route."""

    def __init__(self):
        self.books = {"1": "Structure and Interpretation of Computer Programs"}

    def on_get(self, req, resp, book_id):
        title = self.books.get(book_id)
        if title is None:
            raise falcon.HTTPNotFound(title="No such book")
        resp.media = {"id": book_id, "title": title}


app = falcon.App()
app.add_route("/books/{book_id}", Books())
