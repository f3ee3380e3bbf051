# A constructor call through a name that holds FTP_TLS on some paths and another callable on others: a context=
# would reach the other callable too, so the call is reported, not rewritten; a call that passes its own
# context is left alone.
import ftplib
import ssl


def open_link(host, context=None):
    return None


def first_answer(hosts):
    for make in (open_link, ftplib.FTP_TLS):
        link = make(hosts[0])
        if link:
            return link
    return None


def verified(hosts):
    for make_verified in (open_link, ftplib.FTP_TLS):
        link = make_verified(hosts[0], context=ssl.create_default_context())
        if link:
            return link
    return None
