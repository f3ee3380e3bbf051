// The sample every CLI test starts from: a cleartext upload script, and what ftptls makes of it.
export const INSECURE =
  'from ftplib import FTP\n\nftp = FTP("ftp.example.com")\nftp.login("user", "secret")\nftp.retrlines("LIST")\n';
export const SECURE =
  'from ftplib import FTP_TLS\n\nftp = FTP_TLS("ftp.example.com")\nftp.login("user", "secret")\nftp.prot_p()\nftp.retrlines("LIST")\n';
