from ftplib import FTP


def open_client(host: str) -> "FTP":
    return FTP(host)


def close_client(client: "FTP") -> None:
    client.quit()
