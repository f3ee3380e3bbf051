import pkg.net as net
from pkg.net import LINK


def test_make():
    c = net.make()
    c.connect("127.0.0.1", 2121)
    c.login()
    LINK.connect("127.0.0.1", 2121)
    LINK.login()
