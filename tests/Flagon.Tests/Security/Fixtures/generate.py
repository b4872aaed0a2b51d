#!/usr/bin/python3
"""Record itsdangerous signatures and Werkzeug password hashes for Flagon.Security's tests.

Run with Debian's /usr/bin/python3 (itsdangerous 2.1.2, Werkzeug 2.2.2):

    /usr/bin/python3 tests/Flagon.Tests/Security/Fixtures/generate.py

Writes itsdangerous.json, passwords.json and zlib.json (Python's zlib.compress of deterministic
inputs, for the classic-zlib deflater) next to this script. Werkzeug 2.2.2 predates scrypt
(added in Werkzeug 2.3), so the scrypt hashes are written in Werkzeug 3's format
(``scrypt:n:r:p$salt$hex`` with ``hashlib.scrypt(..., dklen=64)``, exactly what Werkzeug 3 computes).
"""
import hashlib
import json
import os
import time

FIXED_TS = 1700000000
time.time = lambda: FIXED_TS + 0.75

import itsdangerous  # noqa: E402
from itsdangerous import Signer, TimestampSigner, URLSafeTimedSerializer  # noqa: E402
from werkzeug.security import check_password_hash, generate_password_hash  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def signers():
    rows = []
    for kd in ["concat", "django-concat", "hmac", "none"]:
        for digest in ["sha1", "sha256", "sha512"]:
            for salt in ["itsdangerous.Signer", "cookie-session", "s\u00e4lt"]:
                s = Signer("secret-key", salt=salt, key_derivation=kd, digest_method=getattr(hashlib, digest))
                for value in ["hello world", "", "v\u00e4lue.with.dots"]:
                    rows.append({"key_derivation": kd, "digest": digest, "salt": salt, "value": value,
                                 "derived_key": s.derive_key().hex(), "signed": s.sign(value).decode()})
    return rows


def timestamps():
    rows = []
    for ts in [0, 1, 255, 256, 65535, 1700000000, 2**32, 2**40, 2**63 - 1]:
        time.time = lambda ts=ts: ts
        s = TimestampSigner("secret-key")
        rows.append({"timestamp": ts, "signed": s.sign("value").decode()})
    time.time = lambda: FIXED_TS + 0.75
    return rows


def serializers():
    rows = []
    values = [
        {"a": 1},
        {"b": 1, "a": 2},
        [1, 2.5, "three", None, True],
        "h\u00e9llo \U0001F600",
        {"x": "y" * 200},
        {"nested": {"list": list(range(50))}},
        3**50,
    ]
    for salt in ["itsdangerous", "activate"]:
        s = URLSafeTimedSerializer("secret-key", salt=salt)
        for v in values:
            rows.append({"salt": salt, "value": v, "json": json.dumps(v, ensure_ascii=False, separators=(",", ":")),
                         "signed": s.dumps(v)})
    rotated = URLSafeTimedSerializer(["old-key", "secret-key"])
    rows.append({"salt": "itsdangerous", "value": {"rotated": True}, "keys": ["old-key", "secret-key"],
                 "signed": rotated.dumps({"rotated": True}),
                 "old_signed": URLSafeTimedSerializer("old-key").dumps({"rotated": True})})
    return rows


def passwords():
    rows = []
    pws = ["secret", "", "p\u00e4ssw\u00f6rd", "\u65e5\u672c\u8a9e\U0001F600", "with$dollar$signs", "x" * 100]
    for method in ["pbkdf2:sha256:1000", "pbkdf2:sha512:1000", "pbkdf2:sha1:5", "pbkdf2:sha384:2", "pbkdf2:sha256:1"]:
        for pw in pws:
            h = generate_password_hash(pw, method=method)
            assert check_password_hash(h, pw)
            rows.append({"password": pw, "hash": h, "source": "werkzeug " + __import__("werkzeug").__version__})
    # Werkzeug 2.2's default (pbkdf2:sha256, 260000 iterations), once.
    h = generate_password_hash("default-method")
    rows.append({"password": "default-method", "hash": h, "source": "werkzeug default"})
    # Werkzeug 3's scrypt format, computed with hashlib.scrypt as Werkzeug 3 does.
    for (n, r, p), pw, salt in [((256, 1, 1), "secret", "abcdefghijklmnop"), ((1024, 8, 1), "p\u00e4ssw\u00f6rd", "0123456789ABCDEF"),
                                ((1024, 1, 2), "", "saltsaltsaltsalt"), ((32768, 8, 1), "secret", "Werkzeug3Default")]:
        dk = hashlib.scrypt(pw.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=132 * n * r * p, dklen=64)
        rows.append({"password": pw, "hash": f"scrypt:{n}:{r}:{p}${salt}${dk.hex()}", "source": "hashlib.scrypt (Werkzeug 3 format)"})
    return rows


def scrypt_vectors():
    # RFC 7914 section 12 test vectors (the 1 GiB one left out), computed by hashlib.scrypt.
    rows = []
    for pw, salt, n, r, p in [("", "", 16, 1, 1), ("password", "NaCl", 1024, 8, 16), ("pleaseletmein", "SodiumChloride", 16384, 8, 1)]:
        dk = hashlib.scrypt(pw.encode(), salt=salt.encode(), n=n, r=r, p=p, maxmem=2**26, dklen=64)
        rows.append({"password": pw, "salt": salt, "n": n, "r": r, "p": p, "hex": dk.hex()})
    return rows


WORDS = ["session", "flask", "user_id", "the", "a", "cookie", "signed", "value", "{", "}", ":", ",", "\"", "42", "true"]


def make_input(seed, length, mode, alphabet):
    """Deterministic test data; Flagon's ZlibDeflaterTests regenerates it with the same LCG."""
    state = seed
    out = bytearray()
    while len(out) < length:
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        pick = state >> 16
        if mode == "words":
            out += (WORDS[pick % len(WORDS)] + " ").encode()
        else:
            out.append(alphabet[pick % len(alphabet)])
    return bytes(out[:length])


def zlib_cases():
    import zlib
    rows = []
    specs = [(1, 0, "chars", "ab"), (2, 1, "chars", "ab"), (3, 3, "chars", "ab"), (4, 10, "chars", "abc"),
             (5, 100, "words", ""), (6, 1000, "words", ""), (7, 5000, "words", ""), (8, 20000, "words", ""),
             (9, 70000, "words", ""), (10, 200000, "words", ""), (11, 3000, "chars", "ab"),
             (12, 50000, "chars", "abcdefghijklmnop"), (13, 4000, "bytes", ""), (14, 100000, "chars", "a"),
             (15, 300, "chars", "0123456789"), (16, 66000, "chars", "xy"), (17, 40000, "bytes", "")]
    for seed, length, mode, alphabet in specs:
        alpha = bytes(range(256)) if mode == "bytes" else alphabet.encode()
        data = make_input(seed, length, "words" if mode == "words" else "chars", alpha)
        comp = zlib.compress(data)
        rows.append({"seed": seed, "length": length, "mode": mode, "alphabet": alphabet,
                     "compressed_length": len(comp), "sha256": hashlib.sha256(comp).hexdigest(),
                     "hex": comp.hex() if len(comp) <= 200 else None})
    return rows


def main():
    with open(os.path.join(HERE, "itsdangerous.json"), "w", encoding="utf-8") as f:
        json.dump({"timestamp": FIXED_TS, "signers": signers(), "timestamps": timestamps(),
                   "serializers": serializers()}, f, indent=1, ensure_ascii=True)
        f.write("\n")
    with open(os.path.join(HERE, "passwords.json"), "w", encoding="utf-8") as f:
        json.dump({"hashes": passwords(), "scrypt_vectors": scrypt_vectors()}, f, indent=1, ensure_ascii=True)
        f.write("\n")
    with open(os.path.join(HERE, "zlib.json"), "w", encoding="utf-8") as f:
        json.dump({"zlib_version": __import__("zlib").ZLIB_RUNTIME_VERSION, "words": WORDS, "cases": zlib_cases()}, f, indent=1)
        f.write("\n")
    print("wrote itsdangerous.json, passwords.json and zlib.json")


if __name__ == "__main__":
    main()
