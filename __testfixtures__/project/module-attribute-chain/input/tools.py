from app.top import mid


def listing(cfg):
    ftp = mid.net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    return ftp.nlst()
