import contextlib
from contextlib import contextmanager
from ftplib import FTP


@contextlib.contextmanager
def session(host):
    conn = FTP(host)
    try:
        yield conn
    finally:
        conn.close()


@contextmanager
def logged_in(host, user, pw):
    conn = FTP(host)
    conn.login(user, pw)
    yield conn
    conn.quit()


def each(hosts):
    for host in hosts:
        yield FTP(host)


def use_generators(host, user, pw, hosts):
    with session(host) as conn:
        conn.login(user, pw)
        conn.retrlines("LIST")
    with logged_in(host, user, pw) as conn:
        conn.retrlines("LIST")
    for conn in each(hosts):
        conn.login(user, pw)
    for conn in [FTP(h) for h in hosts]:
        conn.login(user, pw)
