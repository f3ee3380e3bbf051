"""Checks an FTP account; the checker's own login() is not ftplib's."""
import ftplib


class AccountChecker:
    def __init__(self, site):
        self.site = site

    def login(self):
        return self.site.post("/login")

    def check(self):
        self.login()
        self.cwd("/status")
        return ftplib.error_perm


from M2Crypto.ftpslib import FTP_TLS


class M2Session(FTP_TLS):  # M2Crypto's FTP_TLS, not ftplib's (mentioned only in this comment)
    def start(self, user, passwd):
        self.login(user, passwd)
        self.prot_p()
        self.retrlines("LIST")
