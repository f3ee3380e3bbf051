"""Mail and FTP side by side: only the FTP connection is ftplib's."""
import ftplib
import imaplib
import smtplib
from contextlib import closing


def mail_session(host):
    return smtplib.SMTP(host)


class Mailbox:
    def __init__(self, host):
        self.imap = imaplib.IMAP4_SSL(host)

    def open(self, user, pw):
        self.imap.login(user, pw)


def send(host, user, pw):
    smtp = mail_session(host)
    smtp.login(user, pw)
    with closing(smtplib.SMTP_SSL(host)) as s:
        s.login(user, pw)


class Account:
    def login(self):
        return True

    def check(self):
        return self.login()


def sign_on(client, user, pw):
    client.login(user, pw)


def main(host, user, pw):
    sign_on(smtplib.SMTP(host), user, pw)
    Account().login()
    return ftplib.error_perm
