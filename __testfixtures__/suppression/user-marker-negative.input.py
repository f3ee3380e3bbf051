from ftplib import FTP

STAGING_HOST = "ftp.staging.example.com"


def staging_upload(user, password, fh):
    ftp = FTP(STAGING_HOST)  # lab only
    ftp.login(user, password)
    ftp.storbinary("STOR build.zip", fh)
