def sign_on(conn, user, pw):
    conn.login(user, pw)
    conn.prot_p()


def greet(conn):
    conn.login()
