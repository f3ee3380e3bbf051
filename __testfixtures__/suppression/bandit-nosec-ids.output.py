from ftplib import FTP  # nosec B402


def mirror_firmware(host, dest):
    ftp = FTP(host)  # nosec B321
    ftp.login()
    with open(dest, "wb") as out:
        ftp.retrbinary("RETR firmware.bin", out.write)
    ftp.quit()


def fetch_changelog(host):
    ftp = FTP(host, "anonymous", "")  # nosec: B321,B402
    lines = []
    ftp.retrlines("RETR CHANGELOG", lines.append)
    ftp.quit()
    return lines
