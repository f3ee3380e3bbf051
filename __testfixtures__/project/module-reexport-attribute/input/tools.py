from app import mid


def listing(cfg):
    link = mid.net.open_link(cfg.host)
    link.login(cfg.user, cfg.password)
    return link.nlst()
