# A constructor call through a name that holds FTP on some paths and another callable on others: its
# hard-coded password is reported, as for FTP itself.
import ftplib


def open_link(host, user, passwd):
    return None


def first_answer(hosts):
    for make in (open_link, ftplib.FTP):
        link = make(hosts[0], "deploy", "s3cret")
        if link:
            return link
    return None
