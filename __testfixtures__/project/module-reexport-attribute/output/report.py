import app


def fetch(cfg, name):
    conn = app.net.open_link(cfg.host)
    conn.login(cfg.user, cfg.password)
    conn.prot_p()
    with open(name, "wb") as fh:
        conn.retrbinary(f"RETR {name}", fh.write)
