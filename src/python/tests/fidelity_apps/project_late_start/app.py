from middleware import Late
from views import index

application = Late(index)
