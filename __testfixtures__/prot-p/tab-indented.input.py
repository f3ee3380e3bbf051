import ftplib


def connect(host, user, password):
	ftp = ftplib.FTP(host)
	if user:
		ftp.login(user, password)
	else:
		ftp.login()
	return ftp
