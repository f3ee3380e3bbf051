from ftplib import FTP_TLS

STAGING_HOST = "ftp.staging.example.com"


def staging_upload(user, password, fh):
    ftp = FTP_TLS(STAGING_HOST)  # lab only
    ftp.login(user, password)
    ftp.prot_p()
    ftp.storbinary("STOR build.zip", fh)
