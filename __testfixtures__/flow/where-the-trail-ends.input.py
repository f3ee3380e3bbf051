import asyncio
import ftplib
from concurrent.futures import ThreadPoolExecutor


def containers(hosts, user, pw):
    conns = {host: ftplib.FTP(host) for host in hosts}
    for host in hosts:
        conns[host].login(user, pw)
    pool = [ftplib.FTP(h) for h in hosts]
    pool[0].login(user, pw)


def executors(host, hosts, user, pw):
    conn = ftplib.FTP(host)
    with ThreadPoolExecutor() as executor:
        executor.submit(conn.login, user, pw).result()
        made = list(executor.map(ftplib.FTP, hosts))
    return made


async def in_a_thread(host, user, pw):
    conn = ftplib.FTP(host)
    await asyncio.get_running_loop().run_in_executor(None, conn.login, user, pw)
    return list(map(ftplib.FTP, [host]))


def unknown(host, user, pw, retrying):
    conn = retrying(ftplib.FTP(host))
    conn.login(user, pw)


def fine(host):
    if isinstance(host, ftplib.FTP):
        return host
    return ftplib.FTP(host)


def reported_only(log):
    from six import raise_from

    log.debug("using %s", ftplib.FTP)
    raise_from(RuntimeError("no TLS"), ftplib.FTP)
