# Not a test (no test name, folder or framework import): replacing ftplib.FTP here is the program's own
# monkeypatch, a logging subclass that may well be cleartext. Moving it onto FTP_TLS would hand every
# rewritten connection to it: it stays, and ftp-to-ftp-tls reports it for a person.
import ftplib
import logging


class LoggingFTP(ftplib.FTP):
    def sendcmd(self, cmd):
        logging.debug("ftp: %s", cmd)
        return super().sendcmd(cmd)


ftplib.FTP = LoggingFTP
setattr(ftplib, "FTP", LoggingFTP)
