from backup.session import session


def run(cfg, fh):
    link = session(cfg)
    link.login(cfg.user, cfg.password)
    link.storlines("STOR backup.tar", fh)
