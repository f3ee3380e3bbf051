"""More callables than the analysis follows (8): a login after calling one of them is reported."""
import ftplib


def open_a(host):
    return ftplib.FTP_TLS(host)


def open_b(host):
    return object()


def open_c(host):
    return object()


def open_d(host):
    return object()


def open_e(host):
    return object()


def open_f(host):
    return object()


def open_g(host):
    return object()


def open_h(host):
    return object()


def open_i(host):
    return object()


OPENERS = {
    "a": open_a,
    "b": open_b,
    "c": open_c,
    "d": open_d,
    "e": open_e,
    "f": open_f,
    "g": open_g,
    "h": open_h,
    "i": open_i,
}
CLASSES = [open_b, open_c, open_d, open_e, open_f, open_g, open_h, open_i, ftplib.FTP_TLS]


def connect(kind, user, pw):
    conn = OPENERS[kind]("files.example.com")
    conn.login(user, pw)


def connect_at_once(index, user, pw):
    conn = CLASSES[index]("files.example.com", user, pw)
    conn.nlst()
