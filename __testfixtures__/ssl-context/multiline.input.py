import ftplib

a = ftplib.FTP_TLS(
    "ftp.example.com",
    timeout=30,
)
b = ftplib.FTP_TLS(
    "ftp.example.com",
    timeout=30
)
c = ftplib.FTP_TLS("ftp.example.com",
                   timeout=30)
d = ftplib.FTP_TLS(
    "ftp.example.com",
    timeout=30,  # seconds
)
e = ftplib.FTP_TLS(
    "ftp.example.com", timeout=30
)
f = ftplib.FTP_TLS(
    "ftp.example.com",
    timeout=30  # seconds
)
g = ftplib.FTP_TLS()
h = ftplib.FTP_TLS("ftp.example.com",)
