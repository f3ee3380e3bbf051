// The file the interactive review's tests start from (test/review.test.ts, test/interactive.test.ts).

/** Two connections in one function; credentials are parameters (no literal password to report). */
export const TWO = `from ftplib import FTP


def main(user, pw):
    a = FTP("a.example.com")
    a.login(user, pw)
    a.retrlines("LIST")
    b = FTP("b.example.com")
    b.login(user, pw)
    b.retrlines("LIST")
`;

/** TWO with the rename of b declined: b stays FTP with no prot_p(), FTP stays imported beside FTP_TLS. */
export const TWO_B_DECLINED = `from ftplib import FTP, FTP_TLS


def main(user, pw):
    a = FTP_TLS("a.example.com")
    a.login(user, pw)
    a.prot_p()
    a.retrlines("LIST")
    b = FTP("b.example.com")
    b.login(user, pw)
    b.retrlines("LIST")
`;
