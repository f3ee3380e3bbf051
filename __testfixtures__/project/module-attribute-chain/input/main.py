import app.top


def upload(cfg, fh):
    ftp = app.top.mid.net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.storbinary("STOR report.csv", fh)
