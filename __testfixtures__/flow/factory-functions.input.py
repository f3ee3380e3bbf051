from ftplib import FTP


def make_session(server):
    s = FTP()
    s.connect(server)
    return s


def direct(server):
    return FTP(server)


def two_levels(server):
    return direct(server)


def recursive(server, depth):
    if depth:
        return recursive(server, depth - 1)
    return FTP(server)


def maybe(server):
    if not server:
        return None
    return FTP(server)


def use_factories(server, user, pw):
    sess = make_session(server)
    sess.login(user, pw)
    d = two_levels(server)
    d.login(user, pw)
    r = recursive(server, 3)
    r.login(user, pw)
    m = maybe(server)
    m.login(user, pw)
    two_levels(server).login(user, pw)
