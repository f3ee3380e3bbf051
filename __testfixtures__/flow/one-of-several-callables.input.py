"""Names and elements that hold one of several callables: a function here, ftplib's class, or both."""
import ftplib
import os


def open_link(host):
    return ftplib.FTP(host)


def open_mock(host):
    return object()


def each_factory(user, pw):
    for opener in (open_link, ftplib.FTP):
        conn = opener("files.example.com")
        conn.login(user, pw)
        conn.nlst()


def chosen(user, pw):
    make = open_link if os.environ.get("FTP_DIRECT") else ftplib.FTP
    conn = make("files.example.com")
    conn.login(user, pw)


def by_name(kind, user, pw):
    makers = {"link": open_link, "plain": ftplib.FTP}
    conn = makers[kind]("files.example.com")
    conn.login(user, pw)


def unpacked(user, pw):
    first, second = open_link, ftplib.FTP
    for step in [first, second]:
        conn = step("files.example.com")
        conn.login(user, pw)


def given(factory, user, pw):
    conn = factory("files.example.com")
    conn.login(user, pw)


given(open_link, "u", "pw")
given(ftplib.FTP, "u", "pw")


def not_only_ftp(user, pw):
    pick = open_link if os.environ.get("FTP_DIRECT") else open_mock
    conn = pick("files.example.com")
    conn.login(user, pw)


def logs_in_on_some_paths(pw):
    make_now = open_link if os.environ.get("FTP_DIRECT") else ftplib.FTP
    conn = make_now("files.example.com", "u", pw)
    conn.nlst()
