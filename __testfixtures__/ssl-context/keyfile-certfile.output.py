from ftplib import FTP_TLS

a = FTP_TLS("h", keyfile="client.key", certfile="client.pem")
b = FTP_TLS("h", certfile="client.pem")
