from app.client import Client


def sync(host, user, pw):
    client = Client(host)
    client.ftp.login(user, pw)
    client.ftp.prot_p()
    client.ftp.retrlines("LIST")
    fresh = client.reconnect()
    fresh.login(user, pw)
    fresh.prot_p()
    return client.size()
