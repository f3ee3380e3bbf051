import contextlib
import functools
from contextlib import ExitStack, closing
from ftplib import FTP_TLS


def wrappers(host, user, pw, secure):
    with closing(FTP_TLS(host)) as a:
        a.login(user, pw)
        a.prot_p()
    with contextlib.closing(FTP_TLS(host)) as b:
        b.login(user, pw)
        b.prot_p()
    with ExitStack() as stack:
        c = stack.enter_context(FTP_TLS(host))
        c.login(user, pw)
        c.prot_p()
    Quick = functools.partial(FTP_TLS, timeout=10)
    d = Quick(host)
    d.login(user, pw)
    d.prot_p()
    with FTP_TLS(host) as e:
        e.login(user, pw)
        e.prot_p()
    with closing(FTP_TLS(host, user, pw)) as f:
        f.prot_p()
        f.retrlines("LIST")
