from ftplib import FTP_TLS

# Lab server with a self-signed certificate.
# ftptls: ignore
lab = FTP_TLS("lab.internal")
legacy = FTP_TLS("legacy.internal")  # nosec B321
prod = FTP_TLS("ftp.example.com")
