# prot_p() as the first statement of a with body goes above the comments that open the body, so a comment
# stays beside the line it describes; not above a comment that may be a directive for the line below it.
import ftplib


def get(host, user, passwd, station):
    with ftplib.FTP(host, user, passwd) as ftp:
        # Change to station sub-directory (checks that the station exists)
        # and list it
        ftp.cwd(station)
        return ftp.nlst()


def directive(host, user, passwd, station):
    with ftplib.FTP(host, user, passwd) as ftp:
        # nosemgrep: python.lang.security.audit.some-rule
        ftp.cwd(station)


def spaced(host, user, passwd):
    with ftplib.FTP(host, user, passwd) as ftp:  # the server

        # a comment after a blank line
        ftp.cwd("x")


def dedented(host, user, passwd):
    with ftplib.FTP(host, user, passwd) as ftp:
# a comment at column 0
        ftp.cwd("x")
