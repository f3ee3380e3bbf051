import importlib

loader = importlib.import_module


def listing(cfg):
    net = loader(
        "app.net",
    )
    ftp = net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.prot_p()
    return ftp.nlst()
