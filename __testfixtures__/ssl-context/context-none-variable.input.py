import ssl
from ftplib import FTP_TLS

CONTEXT = None

# None through a name: reported for review, not rewritten (the name is the caller's to set)
a = FTP_TLS("h", context=CONTEXT)


def nightly(host):
    ctx = None
    return FTP_TLS(host, context=ctx)


# a name that is a context on some paths: the caller's choice
def optional(host, cafile=None):
    ctx = None
    if cafile:
        ctx = ssl.create_default_context(cafile=cafile)
    return FTP_TLS(host, context=ctx)


# a parameter: its value comes from the callers
def forwarded(host, context=None):
    return FTP_TLS(host, context=context)


# the literal None is no context at all: replaced
b = FTP_TLS("h", context=None)
