import ftplib
import os


def mirror(host, remote_dir, local_dir, factory=ftplib.FTP_TLS):
    ftp = factory(host)
    ftp.login()
    ftp.cwd(remote_dir)
    for name in ftp.nlst():
        with open(os.path.join(local_dir, name), "wb") as fh:
            ftp.retrbinary("RETR " + name, fh.write)
    ftp.quit()
