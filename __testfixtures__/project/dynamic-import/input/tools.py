from importlib import import_module


def listing(cfg):
    link = __import__("app.net").net.open_link(cfg.host)
    link.login(cfg.user, cfg.password)
    return link.nlst()


def relative(cfg):
    net = import_module(".net", package="app")
    conn = net.open_link(cfg.host)
    conn.login(cfg.user, cfg.password)
    return conn.nlst()
