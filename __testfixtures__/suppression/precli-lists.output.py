from ftplib import FTP


def open_mirror(host):
    return FTP(
        host,
        timeout=60,  # suppress: PY003, PY004
    )


def open_archive(host):
    return FTP(host, timeout=120)  # suppress: PY003 PY004


def open_scanner_inbox(host):
    return FTP(host)  # type: ignore # suppress: PY003
