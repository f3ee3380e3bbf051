from ftplib import FTP, FTP_TLS

LAB_HOST = "ftp.lab.internal"
PROD_HOST = "ftp.example.com"


def lab_upload(user, password, fh):
    ftp = FTP(LAB_HOST)  # lab-only (the lab box has no certificate)
    ftp.login(user, password)
    ftp.storbinary("STOR build.zip", fh)


def prod_upload(user, password, fh):
    ftp = FTP_TLS(PROD_HOST)
    ftp.login(user, password)
    ftp.prot_p()
    ftp.storbinary("STOR build.zip", fh)
