from ftplib import FTP, FTP_TLS


def open_client(host: str) -> "FTP":
    return FTP_TLS(host)


def close_client(client: "FTP") -> None:
    client.quit()
