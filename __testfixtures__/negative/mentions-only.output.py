"""Documentation helper.

Mentions ftplib.FTP and FTP(host).login() in prose only; nothing here imports ftplib.
"""

EXAMPLE = """
from ftplib import FTP
ftp = FTP("ftp.example.com")
ftp.login()
"""


def show():
    print(EXAMPLE)  # ftplib.FTP in a string is not code
