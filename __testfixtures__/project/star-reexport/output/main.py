from app.mid import _legacy_link, open_link


def upload(cfg, fh):
    ftp = open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.prot_p()
    ftp.storbinary("STOR report.csv", fh)


def legacy(cfg):
    old = _legacy_link(cfg.host)
    old.login(cfg.user, cfg.password)
    old.prot_p()
    return old.nlst()
