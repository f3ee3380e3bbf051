import ftplib
import ssl

a = ftplib.FTP_TLS(
    "ftp.example.com",
    timeout=30,
    context=ssl.create_default_context(),
)
b = ftplib.FTP_TLS(
    "ftp.example.com",
    timeout=30,
    context=ssl.create_default_context()
)
c = ftplib.FTP_TLS("ftp.example.com",
                   timeout=30,
                   context=ssl.create_default_context())
d = ftplib.FTP_TLS(
    "ftp.example.com",
    timeout=30,  # seconds
    context=ssl.create_default_context(),
)
e = ftplib.FTP_TLS(
    "ftp.example.com", timeout=30, context=ssl.create_default_context()
)
f = ftplib.FTP_TLS(
    "ftp.example.com",
    timeout=30,  # seconds
    context=ssl.create_default_context()
)
g = ftplib.FTP_TLS(context=ssl.create_default_context())
h = ftplib.FTP_TLS("ftp.example.com", context=ssl.create_default_context(),)
