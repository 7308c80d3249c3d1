def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    # Three chunks: the server sends each as it gets it, and cannot know the length upfront.
    return [b"one, ", b"two, ", b"three\n"]
