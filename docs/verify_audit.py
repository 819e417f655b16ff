#!/usr/bin/env python3
"""Verify an Agent Workbench audit trail export without Agent Workbench.

Usage: python3 verify_audit.py export.jsonl [--key-env AWB_AUDIT_KEY] [--expect-head SEQ:MAC]

Each line of the export (`awb audit export --format jsonl`) is one entry:
  {"actor", "data", "kind", "mac", "prev", "run_id", "seq", "time"}
  mac  = HMAC-SHA256(key, canonical JSON of the entry without "mac"), lower-case hex
  prev = the previous entry's mac (64 zeros for seq 1)
  canonical JSON = json.dumps(e, sort_keys=True, separators=(",", ":"), ensure_ascii=False), UTF-8
The key is the UTF-8 bytes of the secret in the named environment variable.
Prints "OK: N entries, head SEQ:MAC" and exits 0, or "ALTERED: entry SEQ: <what>" and exits 1.
Exits 2 when it cannot run (no key, unreadable file, bad arguments). Python 3 standard library only.
"""

import argparse
import hashlib
import hmac
import json
import os
import re
import sys

ZERO_MAC = "0" * 64
FIELDS = {"actor", "data", "kind", "mac", "prev", "run_id", "seq", "time"}
HEAD_RE = re.compile(r"^(\d+):([0-9a-fA-F]{64})$")


class Altered(Exception):
    def __init__(self, seq, what):
        super().__init__(f"entry {seq}: {what}")


def no_floats(text):
    raise ValueError(f"floating-point number {text} (the trail holds integers only)")


def canonical(value):
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8")


def verify(lines, key, expect_head):
    """Returns (entries, head_seq, head_mac); raises Altered at the first problem."""
    prev_mac, expected_seq, seen_head = ZERO_MAC, 1, None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            entry = json.loads(raw.decode("utf-8"), parse_float=no_floats,
                               parse_constant=no_floats)
        except (UnicodeDecodeError, ValueError) as error:
            raise Altered(expected_seq, f"line {number} is not a valid entry: {error}")
        if not isinstance(entry, dict) or set(entry) != FIELDS:
            raise Altered(expected_seq, f"line {number} does not have exactly the fields "
                                        f"{', '.join(sorted(FIELDS))}")
        seq = entry["seq"]
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < expected_seq:
            raise Altered(expected_seq, f"line {number} has the unexpected seq {seq!r}")
        if seq > expected_seq:
            missing = (f"entry {expected_seq} is" if seq == expected_seq + 1
                       else f"entries {expected_seq} to {seq - 1} are")
            raise Altered(expected_seq, f"missing: {missing} not in the export "
                                        f"(it jumps from {expected_seq - 1} to {seq})")
        mac = entry.pop("mac")
        try:
            signed = canonical(entry)
        except UnicodeEncodeError:
            raise Altered(seq, "holds text that is not valid Unicode")
        wanted = hmac.new(key, signed, hashlib.sha256).hexdigest()
        if not isinstance(mac, str) or not hmac.compare_digest(wanted, mac):
            raise Altered(seq, "mac does not match its content (the entry or its mac was changed, "
                               "or the key is wrong)")
        if entry["prev"] != prev_mac:
            raise Altered(seq, f"prev does not match the mac of entry {seq - 1} (the chain is broken)")
        if expect_head and seq == expect_head[0]:
            seen_head = mac
        prev_mac, expected_seq = mac, seq + 1

    head_seq = expected_seq - 1
    if expect_head:
        want_seq, want_mac = expect_head
        if want_seq == 0:
            if want_mac != ZERO_MAC:
                raise Altered(0, f"the expected head 0:{want_mac} cannot exist")
        elif seen_head is None:
            raise Altered(head_seq + 1, f"the expected head {want_seq}:{want_mac} is not in the "
                                        f"export, which ends at entry {head_seq}: the entries after "
                                        f"{head_seq} were removed")
        elif seen_head != want_mac:
            raise Altered(want_seq, f"mac {seen_head} is not the expected head's {want_mac}")
    return head_seq, head_seq, prev_mac


def main(argv):
    parser = argparse.ArgumentParser(description="Verify an Agent Workbench audit export (JSONL).")
    parser.add_argument("export", help="the file written by `awb audit export --format jsonl`")
    parser.add_argument("--key-env", default="AWB_AUDIT_KEY",
                        help="environment variable holding the audit key (default AWB_AUDIT_KEY)")
    parser.add_argument("--expect-head", metavar="SEQ:MAC",
                        help="fail unless this entry is in the trail with this mac")
    args = parser.parse_args(argv)

    # The key is the variable's bytes as the process received them (UTF-8 text in practice).
    if os.supports_bytes_environ:
        secret = os.environb.get(os.fsencode(args.key_env))
    else:
        secret = os.environ.get(args.key_env, "").encode("utf-8")
    if not secret:
        print(f"error: the environment variable {args.key_env} holding the audit key is not set",
              file=sys.stderr)
        return 2
    expect_head = None
    if args.expect_head is not None:
        match = HEAD_RE.match(args.expect_head.strip())
        if not match:
            print("error: --expect-head must be SEQ:MAC (a number, a colon, 64 hex digits)",
                  file=sys.stderr)
            return 2
        expect_head = (int(match.group(1)), match.group(2).lower())
    try:
        with open(args.export, "rb") as export:
            lines = export.read().split(b"\n")
    except OSError as error:
        print(f"error: cannot read {args.export}: {error.strerror}", file=sys.stderr)
        return 2

    try:
        entries, head_seq, head_mac = verify(lines, secret, expect_head)
    except Altered as altered:
        print(f"ALTERED: {altered}")
        return 1
    print(f"OK: {entries} entries, head {head_seq}:{head_mac}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
