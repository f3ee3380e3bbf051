import ssl
from ftplib import FTP_TLS

a = FTP_TLS("h", context=ssl.create_default_context())

ctx = ssl.create_default_context(cafile="/etc/ftp/ca.pem")
b = FTP_TLS("h", context=ctx)

client = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client.load_verify_locations("/etc/ftp/ca.pem")
c = FTP_TLS("h", context=client)


def build(make_context):
    return FTP_TLS("h", context=make_context())
