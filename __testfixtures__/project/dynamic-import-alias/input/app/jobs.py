"""Imports its sibling by a relative __import__ (level 1: from this package)."""


def fetch(cfg, name, fh):
    net = __import__("net", globals(), locals(), [], 1)
    ftp = net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.retrbinary("RETR " + name, fh.write)
