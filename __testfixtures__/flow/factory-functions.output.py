from ftplib import FTP_TLS


def make_session(server):
    s = FTP_TLS()
    s.connect(server)
    return s


def direct(server):
    return FTP_TLS(server)


def two_levels(server):
    return direct(server)


def recursive(server, depth):
    if depth:
        return recursive(server, depth - 1)
    return FTP_TLS(server)


def maybe(server):
    if not server:
        return None
    return FTP_TLS(server)


def use_factories(server, user, pw):
    sess = make_session(server)
    sess.login(user, pw)
    sess.prot_p()
    d = two_levels(server)
    d.login(user, pw)
    d.prot_p()
    r = recursive(server, 3)
    r.login(user, pw)
    r.prot_p()
    m = maybe(server)
    m.login(user, pw)
    m.prot_p()
    two_levels(server).login(user, pw)
