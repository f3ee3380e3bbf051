import ftplib
import sys


def main(argv):
    host, remote, local = argv[1:4]
    ftp = ftplib.FTP_TLS(host)
    ftp.login()
    with open(local, "wb") as out:
        ftp.retrbinary("RETR " + remote, out.write)
    ftp.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
