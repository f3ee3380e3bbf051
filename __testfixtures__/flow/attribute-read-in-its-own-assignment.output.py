# An attribute assigned from a read of itself (`opts.path = opts.path.rstrip("/")`) is a cycle: the
# analysis cuts it short rather than failing, and the logins around it are still followed.
import ftplib


def upload(options):
    options.path = options.path.rstrip("/")
    ftp = ftplib.FTP_TLS(options.host)
    ftp.login(options.user, options.passwd)
    ftp.prot_p()
    ftp.cwd(options.path)


def reconnect(state, host):
    state.conn = ftplib.FTP_TLS(host)
    state.conn = state.conn or ftplib.FTP_TLS(host)
    state.conn.login("u", state.password)
    state.conn.retrlines("LIST")


def wrapped(state, host):
    state.link = ftplib.FTP_TLS(host)
    state.link = keep(state.link)
    state.link.login("u", state.password)
