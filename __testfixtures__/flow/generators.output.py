import contextlib
from contextlib import contextmanager
from ftplib import FTP_TLS


@contextlib.contextmanager
def session(host):
    conn = FTP_TLS(host)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def logged_in(host, user, pw):
    conn = FTP_TLS(host)
    conn.login(user, pw)
    conn.prot_p()
    yield conn
    conn.quit()


def each(hosts):
    for host in hosts:
        yield FTP_TLS(host)


def use_generators(host, user, pw, hosts):
    with session(host) as conn:
        conn.login(user, pw)
        conn.prot_p()
        conn.retrlines("LIST")
    with logged_in(host, user, pw) as conn:
        conn.retrlines("LIST")
    for conn in each(hosts):
        conn.login(user, pw)
        conn.prot_p()
    for conn in [FTP_TLS(h) for h in hosts]:
        conn.login(user, pw)
        conn.prot_p()
