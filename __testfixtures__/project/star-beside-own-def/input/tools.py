def open_link(host):
    return None


from app.net import *


def listing(cfg):
    link = open_link(cfg.host)
    link.login(cfg.user, cfg.password)
    return link.nlst()
