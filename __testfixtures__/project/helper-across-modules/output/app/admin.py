from app.net import open_link, sign_on as log_in


def audit(host, creds):
    conn = open_link(host)
    log_in(conn, creds)
    return conn.nlst()
