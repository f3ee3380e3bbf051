"""Imports its sibling by a relative __import__ (level 1: from this package)."""


def size(cfg, name):
    net = __import__("net", globals(), locals(), [], 1)
    ftp = net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    return ftp.size(name)
