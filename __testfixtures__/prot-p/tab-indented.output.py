import ftplib


def connect(host, user, password):
	ftp = ftplib.FTP_TLS(host)
	if user:
		ftp.login(user, password)
		ftp.prot_p()
	else:
		ftp.login()
		ftp.prot_p()
	return ftp
