def open_link(host):
    return None


from app.net import *


def listing(cfg):
    link = open_link(cfg.host)
    link.login(cfg.user, cfg.password)
    link.prot_p()
    return link.nlst()
