from .net import open_link, sign_on


def run(host, creds):
    link = open_link(host)
    sign_on(link, creds)
    link.retrlines("LIST")
