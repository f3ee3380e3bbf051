import contextlib
import functools
from contextlib import ExitStack, closing
from ftplib import FTP, FTP_TLS


def wrappers(host, user, pw, secure):
    with closing(FTP(host)) as a:
        a.login(user, pw)
    with contextlib.closing(FTP(host)) as b:
        b.login(user, pw)
    with ExitStack() as stack:
        c = stack.enter_context(FTP(host))
        c.login(user, pw)
    Quick = functools.partial(FTP, timeout=10)
    d = Quick(host)
    d.login(user, pw)
    with FTP_TLS(host) if secure else FTP(host) as e:
        e.login(user, pw)
    with closing(FTP(host, user, pw)) as f:
        f.retrlines("LIST")
