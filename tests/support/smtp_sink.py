#!/usr/bin/python3
"""An SMTP sink on 127.0.0.1 for tests, built on Debian's python3-aiosmtpd.

Each accepted message is saved as MAILDIR/<n>.eml (the bytes as received, dot-unstuffed) with its
envelope in MAILDIR/<n>.json. Prints "PORT <n>" on stdout once listening. Exits on SIGTERM.

Run it with /usr/bin/python3 (the Debian interpreter that has aiosmtpd).
"""

import argparse
import asyncio
import json
import logging
import os
import signal
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, maildir, fail_rcpt):
        self.maildir = maildir
        self.fail_rcpt = {a.lower() for a in fail_rcpt}
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.fail_rcpt:
            return "550 5.1.1 <%s>: Recipient address rejected: no such user" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        n = self.count
        base = os.path.join(self.maildir, str(n))
        # Write the envelope first and the message last, each atomically, so a reader that sees
        # the .eml also sees the .json.
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None,
            "auth_user": session.auth_data.decode() if isinstance(session.auth_data, bytes)
            else session.auth_data,
        }
        write_atomic(base + ".json", json.dumps(meta, indent=2).encode())
        write_atomic(base + ".eml", envelope.original_content)
        return "250 2.0.0 OK queued as %d" % n


def write_atomic(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == user and auth_data.password.decode() == password)
        # handled=False lets aiosmtpd answer 535 itself on failure.
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login if ok else None)
    return authenticate


def server_context(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    return ctx


async def serve(args):
    loop = asyncio.get_running_loop()
    handler = Sink(args.maildir, args.fail_rcpt)
    kwargs = {"hostname": "smtp-sink.test", "loop": loop}
    if args.starttls:
        kwargs["tls_context"] = server_context(*args.starttls)
    if args.auth:
        user, _, password = args.auth.partition(":")
        kwargs["authenticator"] = make_authenticator(user, password)
        kwargs["auth_required"] = True
        kwargs["auth_exclude_mechanism"] = args.auth_exclude
        # Plain AUTH is allowed without STARTTLS so tests can check it on loopback.
        kwargs["auth_require_tls"] = bool(args.starttls or args.tls)
    implicit = server_context(*args.tls) if args.tls else None
    server = await loop.create_server(lambda: SMTP(handler, **kwargs), "127.0.0.1", args.port,
                                      ssl=implicit)
    port = server.sockets[0].getsockname()[1]
    print("PORT %d" % port, flush=True)

    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    await stop.wait()
    server.close()
    await server.wait_closed()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"), help="offer STARTTLS")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="implicit TLS (smtps)")
    parser.add_argument("--auth", metavar="USER:PASS", help="require AUTH with these credentials")
    parser.add_argument("--auth-exclude", action="append", default=[], metavar="MECHANISM",
                        help="do not offer this AUTH mechanism, e.g. PLAIN (repeatable)")
    parser.add_argument("--fail-rcpt", action="append", default=[], metavar="ADDRESS",
                        help="answer 550 to RCPT TO this address (repeatable)")
    args = parser.parse_args()
    os.makedirs(args.maildir, exist_ok=True)
    # AUTH without TLS is deliberate here; keep aiosmtpd's warnings about it off stderr.
    warnings.simplefilter("ignore")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    try:
        asyncio.run(serve(args))
    except OSError as e:
        print("smtp_sink: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
