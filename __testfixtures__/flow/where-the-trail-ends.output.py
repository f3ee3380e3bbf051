import asyncio
import ftplib
from concurrent.futures import ThreadPoolExecutor


def containers(hosts, user, pw):
    conns = {host: ftplib.FTP_TLS(host) for host in hosts}
    for host in hosts:
        conns[host].login(user, pw)
    pool = [ftplib.FTP_TLS(h) for h in hosts]
    pool[0].login(user, pw)


def executors(host, hosts, user, pw):
    conn = ftplib.FTP_TLS(host)
    with ThreadPoolExecutor() as executor:
        executor.submit(conn.login, user, pw).result()
        made = list(executor.map(ftplib.FTP_TLS, hosts))
    return made


async def in_a_thread(host, user, pw):
    conn = ftplib.FTP_TLS(host)
    await asyncio.get_running_loop().run_in_executor(None, conn.login, user, pw)
    return list(map(ftplib.FTP_TLS, [host]))


def unknown(host, user, pw, retrying):
    conn = retrying(ftplib.FTP_TLS(host))
    conn.login(user, pw)


def fine(host):
    if isinstance(host, ftplib.FTP):
        return host
    return ftplib.FTP_TLS(host)


def reported_only(log):
    from six import raise_from

    log.debug("using %s", ftplib.FTP_TLS)
    raise_from(RuntimeError("no TLS"), ftplib.FTP_TLS)
