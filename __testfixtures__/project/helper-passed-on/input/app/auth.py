def sign_on(conn, user, pw):
    conn.login(user, pw)


def greet(conn):
    conn.login()
