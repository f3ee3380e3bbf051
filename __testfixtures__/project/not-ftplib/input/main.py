from myftp.ftp import FTP
from myftp.legacy import ERRORS


def main():
    client = FTP()
    client.login()
    return ERRORS
