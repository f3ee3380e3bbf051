# A fake server for tests; it mimics a small part of ftplib's interface.
import ftplib


class FTP:
    def __init__(self, host=""):
        self.host = host
        self.commands = []

    def login(self, user="", passwd=""):
        self.commands.append(("USER", user))
        return "230 fake login ok"


def make_client(host):
    client = FTP(host)
    client.login("anonymous")
    return client


ERRORS = ftplib.all_errors
