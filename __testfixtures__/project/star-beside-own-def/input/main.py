from app import compat, mid, mock, own


def upload(cfg, fh):
    ftp = mid.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.storbinary("STOR report.csv", fh)


def fallback(cfg):
    ftp = compat.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    return ftp.nlst()


def maybe(cfg):
    ftp = mock.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)


def placeholder(cfg):
    link = own.open_link(cfg.host)
    link.login(cfg.user, cfg.password)
