# Reads the re-exported class as an attribute of its module: it follows to FTP_TLS, as the import in
# mirror.py does, rather than being left as cleartext from a module "not rewritten".
import net.compat


def sync(host, user, passwd):
    conn = net.compat.FTP()
    conn.connect(host)
    conn.login(user, passwd)
    return conn.nlst()
