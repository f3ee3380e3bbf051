import app.mid


def upload(cfg, fh):
    ftp = app.mid.net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.storbinary("STOR report.csv", fh)
