from ..conn import Connection, Guarded
from .. import conn as connections


def sync(host, user, pw):
    c = Connection(host, user, pw)
    c.prot_p()
    c.retrlines("LIST")
    g = Guarded(host)
    g.login(user, pw)
    g.retrlines("LIST")
    d = connections.Connection()
    d.connect(host)
    d.login(user, pw)
    d.prot_p()
