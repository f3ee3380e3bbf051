# Two bindings of a name in two branches are both possible: ftplib's class in one and something not known
# in the other is an open set, whose login is reported. A later binding that always runs replaces the
# earlier ones (the later rebinding wins), for the uses after it (a later binding to something not known:
# test/bindings.test.ts, since the independent login checker does not order bindings).
import ftplib


def class_or_other(host, user, pw, tls):
    if tls:
        make = other_factory
    else:
        make = ftplib.FTP
    conn = make(host)
    conn.login(user, pw)
    return conn


def replaced_later(host, user, pw):
    opener = other_factory
    opener = ftplib.FTP
    link = opener(host)
    link.login(user, pw)
    return link


def used_before_it_is_replaced(host, user, pw):
    builder = ftplib.FTP
    handle = builder(host)
    handle.login(user, pw)
    builder = other_factory
    return handle, builder


def replaced_in_a_loop(hosts, user, pw):
    for host in hosts:
        maker = ftplib.FTP
        ftp = maker(host)
        ftp.login(user, pw)
        maker = other_factory
