import ftplib
import telnetlib


def lab_connect(host, user, password):
    # nosemgrep: python.lang.security.audit.telnetlib.telnetlib
    ftp = ftplib.FTP(host)
    ftp.login(user, password)  # nosemgrep: python.lang.security.audit.ftplib.other
    return ftp, telnetlib.Telnet(host)


def backup(host):
    ftp = ftplib.FTP(host)  # nosemgrep: ftplib-extra, python.lang.security.audit.dangerous-system-call.dangerous-system-call
    ftp.login()
    return ftp
