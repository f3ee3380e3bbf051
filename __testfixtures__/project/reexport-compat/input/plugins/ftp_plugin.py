"""A namespace package (no __init__.py) that imports the compat name absolutely."""
from myapp._compat import FTP as Client


def probe(host):
    c = Client(host)
    c.login()
    return c.nlst()
