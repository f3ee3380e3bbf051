import ftplib
import ssl

ftp = ftplib.FTP_TLS("ftp.example.com", context=ssl.create_default_context())
