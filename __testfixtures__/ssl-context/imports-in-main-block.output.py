"""Upload the nightly report when run as a script."""
import sys

if __name__ == "__main__":
    import os
    import ssl
    from ftplib import FTP_TLS

    with FTP_TLS(os.environ["FTP_HOST"], context=ssl.create_default_context()) as ftp:
        ftp.login(os.environ["FTP_USER"], os.environ["FTP_PASS"])
        ftp.prot_p()
        with open(sys.argv[1], "rb") as fh:
            ftp.storbinary("STOR report.csv", fh)
