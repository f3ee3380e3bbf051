# A lambda is a function whose one return is its body: `make = lambda h: FTP(h)` is a factory, alone, in
# one branch beside ftplib's class, or beside another lambda.
import ftplib


def alone(host, user, pw):
    make = lambda h: ftplib.FTP_TLS(h)
    conn = make(host)
    conn.login(user, pw)
    conn.prot_p()
    return conn


def beside_the_class(host, user, pw, tls):
    if tls:
        opener = lambda h: ftplib.FTP_TLS(h)
    else:
        opener = ftplib.FTP_TLS
    link = opener(host)
    link.login(user, pw)
    link.prot_p()
    return link


def two_lambdas(host, user, pw, tls):
    if tls:
        factory = lambda h: ftplib.FTP_TLS(h)
    else:
        factory = lambda h: ftplib.FTP_TLS(h, timeout=30)
    session = factory(host)
    session.login(user, pw)
    session.prot_p()
    return session


def not_a_connection(host, user, pw):
    build = lambda h: None
    handle = build(host)
    handle.login(user, pw)
    return handle
