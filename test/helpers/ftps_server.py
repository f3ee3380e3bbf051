"""A TLS-only FTP server for the end-to-end tests (run it with Debian's /usr/bin/python3).

    ftps_server.py CERT KEY HOME USER PASSWORD [LIFETIME_SECONDS]

pyftpdlib's TLS_FTPHandler with TLS required on both the control and the data
channel, so a cleartext client is refused ("550 SSL/TLS required ...") and an
FTP_TLS client that skips prot_p() cannot open a data connection. Listens on
127.0.0.1 on a port the OS picks (passive data ports too) and prints one line,
"PORT <n>", on stdout once it accepts connections. Stops by itself after
LIFETIME_SECONDS (default 120), when its stdin is closed (the test process
went away), or on SIGTERM/SIGINT. With FTPS_TLS_OPTIONAL=1 in the environment,
TLS is offered but not required (cleartext clients are served too).
"""
import logging
import os
import signal
import sys
import threading

from pyftpdlib.authorizers import DummyAuthorizer
from pyftpdlib.handlers import TLS_FTPHandler
from pyftpdlib.servers import FTPServer


def main(argv):
    if len(argv) not in (6, 7):
        sys.stderr.write(__doc__)
        return 2
    cert, key, home, user, password = argv[1:6]
    lifetime = int(argv[6]) if len(argv) == 7 else 120

    # Whatever happens to the test, never outlive it by much.
    signal.signal(signal.SIGALRM, lambda *_: os._exit(3))
    signal.alarm(lifetime)

    def exit_on_stdin_eof():
        try:
            while sys.stdin.buffer.read(4096):
                pass
        finally:
            os._exit(0)

    threading.Thread(target=exit_on_stdin_eof, daemon=True).start()

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)

    authorizer = DummyAuthorizer()
    authorizer.add_user(user, password, home, perm="elradfmwMT")

    class Handler(TLS_FTPHandler):
        pass

    Handler.certfile = cert
    Handler.keyfile = key
    required = os.environ.get("FTPS_TLS_OPTIONAL") != "1"
    Handler.tls_control_required = required
    Handler.tls_data_required = required
    Handler.authorizer = authorizer
    Handler.banner = "ftptls e2e test server (TLS %s)" % ("required" if required else "optional")

    server = FTPServer(("127.0.0.1", 0), Handler)
    server.max_cons = 64
    sys.stdout.write("PORT %d\n" % server.address[1])
    sys.stdout.flush()
    server.serve_forever(timeout=0.5)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
