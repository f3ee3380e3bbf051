from importlib import import_module as load

net = load("app.net")


def upload(cfg, fh):
    ftp = net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.prot_p()
    ftp.storbinary("STOR report.csv", fh)
