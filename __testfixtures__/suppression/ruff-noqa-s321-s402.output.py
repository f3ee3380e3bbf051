from ftplib import FTP  # noqa: S402
from ftplib import FTP_TLS


def fetch_from_appliance(host, name, dest):
    # The appliance only speaks plain FTP; it sits on the isolated lab VLAN.
    ftp = FTP(host)  # noqa: S321
    ftp.login()
    with open(dest, "wb") as out:
        ftp.retrbinary(f"RETR {name}", out.write)
    ftp.quit()


def fetch_from_vendor(host, user, password, name, dest):
    ftp = FTP_TLS(host)
    ftp.login(user, password)
    ftp.prot_p()
    with open(dest, "wb") as out:
        ftp.retrbinary(f"RETR {name}", out.write)
    ftp.quit()
