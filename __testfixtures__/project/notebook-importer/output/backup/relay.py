from .net import open_link


def relay(server):
    return open_link(server)
