from middleware import Buffer, Stamp
from views import index

application = Stamp(Buffer(index))
