# A factory handed to a function as an argument (`run(open_link, ...)`): the function's parameter holds
# what the calls pass, so a login of what it makes is followed; a call passing something else makes it one
# of several possibilities, reported.
import ftplib


def open_link(host):
    return ftplib.FTP_TLS(host)


def run(factory, host, user, pw):
    conn = factory(host)
    conn.login(user, pw)
    conn.prot_p()
    return conn


def main():
    return run(open_link, "example.com", "user", "secret")


def run_either(maker, host, user, pw):
    link = maker(host)
    link.login(user, pw)
    return link


def both():
    run_either(open_link, "example.com", "user", "secret")
    run_either(make_sftp, "example.com", "user", "secret")


def run_class(cls, host, user, pw):
    session = cls(host)
    session.login(user, pw)
    session.prot_p()
    return session


def with_class():
    return run_class(ftplib.FTP_TLS, "example.com", "user", "secret")
