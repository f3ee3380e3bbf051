import ftplib
import telnetlib


def lab_connect(host, user, password):
    # nosemgrep: python.lang.security.audit.telnetlib.telnetlib
    ftp = ftplib.FTP_TLS(host)
    ftp.login(user, password)  # nosemgrep: python.lang.security.audit.ftplib.other
    ftp.prot_p()
    return ftp, telnetlib.Telnet(host)


def backup(host):
    ftp = ftplib.FTP_TLS(host)  # nosemgrep: ftplib-extra, python.lang.security.audit.dangerous-system-call.dangerous-system-call
    ftp.login()
    ftp.prot_p()
    return ftp
