from app.mid import open_link


def upload(cfg, fh):
    ftp = open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.prot_p()
    ftp.storbinary("STOR report.csv", fh)
