# Uses paramiko for SFTP and a vendored ftplib-like module for the legacy box.
import vendored_ftplib as ftplib2
import ftplib

sftp_conn = ftplib2.FTP("legacy.example.com")
sftp_conn.login("svc", "pw")
print(ftplib.all_errors)
