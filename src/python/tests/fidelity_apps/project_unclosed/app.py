from middleware import Upper
from views import rows

application = Upper(rows)
