import importlib


def upload(cfg, fh):
    net = importlib.import_module("app.net")
    ftp = net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.prot_p()
    ftp.storbinary("STOR report.csv", fh)


def plugin(cfg, name):
    # a name known only at run time: which module it is cannot be known, so nothing is followed
    mod = importlib.import_module(name)
    conn = mod.open_link(cfg.host)
    conn.login(cfg.user, cfg.password)
