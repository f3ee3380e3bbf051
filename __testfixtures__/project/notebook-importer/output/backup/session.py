from backup.relay import relay as connect


def session(cfg):
    link = connect(cfg.host)
    return link
