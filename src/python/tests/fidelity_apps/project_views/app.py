from views import hello

application = hello
