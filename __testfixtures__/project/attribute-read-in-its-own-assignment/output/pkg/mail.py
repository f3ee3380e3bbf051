from pkg import media, ctl
from pkg.upload import conn

o.a = o.a()
conn.login("user", password)
conn.prot_p()
conn.nlst()
