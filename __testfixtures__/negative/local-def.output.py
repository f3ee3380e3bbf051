import ftplib


def FTP(host, **options):
    """Factory used across the project: picks FTPS when the server supports it."""
    conn = ftplib.FTP_TLS(host, **options)
    conn.auth()
    return conn


client = FTP("ftp.example.com")
client.login("user", "secret")
client.prot_p()
