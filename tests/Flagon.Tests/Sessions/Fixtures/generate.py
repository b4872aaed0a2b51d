#!/usr/bin/python3
"""Mint Flask session cookies for Flagon's interop tests.

Run with Debian's /usr/bin/python3 (Flask 2.2.2, itsdangerous 2.1.2, Werkzeug 2.2.2):

    /usr/bin/python3 tests/Flagon.Tests/Sessions/Fixtures/generate.py

Writes flask_sessions.json next to this script. The clock is frozen at FIXED_TS so the output is
deterministic: every cookie is minted by a real Flask app through its test client, and every
"expect" is what Flask itself decodes from that cookie, described with explicit Python types.
"""
import base64
import json
import os
import time
import uuid
from datetime import date, datetime, timedelta, timezone

FIXED_TS = 1700000000
time.time = lambda: FIXED_TS + 0.25  # itsdangerous stamps int(time.time())

import flask  # noqa: E402
import itsdangerous  # noqa: E402
from flask.sessions import SecureCookieSessionInterface  # noqa: E402
from markupsafe import Markup  # noqa: E402

SECRET = "flagon-fixture-secret"
OLD_SECRET = "flagon-old-secret"
LIFETIME = timedelta(days=31)
FIXED_NOW = datetime.fromtimestamp(FIXED_TS, timezone.utc)


class FrozenInterface(SecureCookieSessionInterface):
    def get_expiration_time(self, app, session):
        return FIXED_NOW + app.permanent_session_lifetime if session.permanent else None


def make_app(secret=SECRET):
    app = flask.Flask("fixtures")
    app.secret_key = secret
    app.config["PERMANENT_SESSION_LIFETIME"] = LIFETIME
    app.session_interface = FrozenInterface()
    return app


def describe(v):
    """A typed, language-neutral description of a Python value (what Flagon must decode to)."""
    if v is None:
        return ["none"]
    if isinstance(v, bool):
        return ["bool", v]
    if isinstance(v, int):
        return ["int", str(v)]
    if isinstance(v, float):
        return ["float", repr(v)]
    if isinstance(v, Markup):
        return ["markup", str(v)]
    if isinstance(v, str):
        return ["str", v]
    if isinstance(v, bytes):
        return ["bytes", base64.b64encode(v).decode()]
    if isinstance(v, tuple):
        return ["tuple", [describe(x) for x in v]]
    if isinstance(v, list):
        return ["list", [describe(x) for x in v]]
    if isinstance(v, dict):
        return ["dict", [[k, describe(x)] for k, x in v.items()]]
    if isinstance(v, uuid.UUID):
        return ["uuid", v.hex]
    if isinstance(v, datetime):
        return ["datetime", v.isoformat()]
    raise TypeError(type(v))


def nested(depth):
    v = "bottom"
    for i in range(depth):
        v = {"level": v} if i % 2 else [v]
    return v


utc = timezone.utc
CASES = {
    "user_id": {"user_id": 42},
    "empty_string_value": {"a": ""},
    "several_keys_sorted": {"zeta": 1, "alpha": 2, "Beta": 3, "_hidden": 4, "10": 5, "9": 6},
    "unicode_keys_sorted": {"b": 1, "\u00e9": 2, "\U0001F600": 3, "\uffff": 4, "\u0100": 5, "a": 6},
    "bool_none": {"t": True, "f": False, "n": None},
    "ints": {"zero": 0, "neg": -7, "i64max": 2**63 - 1, "i64min": -(2**63)},
    "big_ints": {"big": 2**64, "huge": 3**100, "neg_huge": -(7**60)},
    "floats": {"a": 1.5, "b": 0.1, "c": 1e16, "d": 1e15, "e": 1e-05, "f": 0.0001, "g": 123456789.123,
               "h": -0.0, "i": 1e308, "j": 5e-324, "k": 2.0, "l": 1.7976931348623157e308, "m": 1 / 3},
    "float_specials": {"inf": float("inf"), "ninf": float("-inf")},
    "unicode_text": {"a": "h\u00e9llo", "b": "\u65e5\u672c\u8a9e", "c": "\U0001F600 emoji", "d": "\u2028\u2029"},
    "escapes": {"q": 'say "hi"', "bs": "back\\slash", "ctl": "\x00\x01\x1f\x7f", "ws": "\t\n\r\b\f", "html": "</script><!--"},
    "lone_surrogate": {"s": "a\ud800b"},
    "nested": {"cart": {"items": [1, 2, {"x": [True, False, None]}], "total": 9.99, "meta": {}}, "tags": []},
    "tuples": {"pair": (1, 2), "nested": ("a", (1, 2), []), "empty": (), "in_list": [(1,), ("x", "y")]},
    "bytes": {"b": b"\x00\xff", "empty": b"", "text": b"hello world"},
    "markup": {"m": Markup("<b>x</b> &amp; y")},
    "uuid": {"u": uuid.UUID(int=1), "v": uuid.UUID("12345678-1234-5678-1234-567812345678")},
    "datetime_utc": {"d": datetime(2020, 1, 2, 3, 4, 5, tzinfo=utc)},
    "datetime_naive_micro": {"d": datetime(1999, 12, 31, 23, 59, 59, 999999)},
    "datetime_offset": {"d": datetime(2021, 6, 1, 12, 0, 0, tzinfo=timezone(timedelta(hours=2)))},
    "date_untagged": {"d": date(2020, 2, 29)},
    "permanent": {"_permanent": True, "user_id": 1},
    "flashes": {"_flashes": [("message", "Hello"), ("error", Markup("<i>bad</i>")), ("info", "caf\u00e9")]},
    "tag_key_top": {" t": "x"},
    "tag_key_nested": {"dd": {" t": "x"}, "di": {" di": {" b": 1}}, "two": {" t": 1, " u": 2}},
    "tag_lookalike": {"t": {"t": 1}, "sp": {" x": 1}},
    "flask_login_like": {"_user_id": "1", "_fresh": True, "_id": "ab" * 64, "csrf_token": "c3e1f0a9" * 5},
    "compressible_string": {"data": "x" * 500},
    "compressible_list": {"numbers": list(range(200))},
    "compressible_text": {"text": "The quick brown fox jumps over the lazy dog. " * 20, "n": 1},
    "compress_borderline": {"a": "abcabcabcabcabcabcabc"},
    "deep": {"deep": nested(60)},
    "mixed_everything": {
        "_permanent": True,
        "_flashes": [("message", "hi")],
        "a": "h\u00e9llo",
        "by": b"\x00\xff",
        "d": datetime(2020, 1, 2, 3, 4, 5, tzinfo=utc),
        "dd": {" t": "x"},
        "m": Markup("<b>x</b>"),
        "t": (1, 2),
        "u": uuid.UUID(int=1),
        "user_id": 42,
    },
}


def mint(app, value):
    """Set the session through a real request and return the Set-Cookie header."""
    holder = {}

    @app.route("/set/<name>")
    def set_session(name):  # noqa: ARG001
        flask.session.update(holder["value"])
        return "ok"

    holder["value"] = value
    with app.test_client() as c:
        resp = c.get("/set/x")
        headers = resp.headers.getlist("Set-Cookie")
    return headers


def open_cookie(app, cookie):
    """What Flask makes of a cookie: ('ok', data), ('empty', None) or ('error', message) for a 500."""
    ctx = app.test_request_context(headers={"Cookie": f"session={cookie}"} if cookie else {})
    try:
        ctx.push()  # pushing the request context opens the session
    except Exception as e:  # noqa: BLE001
        return "error", f"{type(e).__name__}: {e}"
    try:
        s = flask.session._get_current_object()
        return ("ok", dict(s)) if len(s) else ("empty", None)
    finally:
        ctx.pop()


def main():
    out = {"secret": SECRET, "old_secret": OLD_SECRET, "timestamp": FIXED_TS,
           "lifetime_seconds": int(LIFETIME.total_seconds()), "flask": flask.__version__,
           "itsdangerous": itsdangerous.__version__ if hasattr(itsdangerous, "__version__") else "2.x",
           "cases": [], "bad": [], "fallbacks": {}}
    for name, value in CASES.items():
        app = make_app()
        headers = mint(app, value)
        assert len(headers) == 1, (name, headers)
        header = headers[0]
        cookie = header.split(";", 1)[0].split("=", 1)[1]
        status, decoded = open_cookie(app, cookie)
        assert status == "ok", (name, status, decoded)
        with app.app_context():
            tagged_json = app.session_interface.serializer.dumps(dict(value))
        out["cases"].append({
            "name": name,
            "cookie": cookie,
            "set_cookie": header,
            "json": tagged_json,
            "compressed": cookie.startswith("."),
            "expect": describe(decoded),
        })

    app = make_app()
    s = app.session_interface.get_signing_serializer(app)
    good = s.dumps({"user_id": 42})
    payload, ts, sig = good.rsplit(".", 2)
    signer = itsdangerous.TimestampSigner(SECRET, salt="cookie-session", key_derivation="hmac", digest_method=__import__("hashlib").sha1)

    def signed_at(value, when):
        old = time.time
        time.time = lambda: when
        try:
            return s.dumps(value)
        finally:
            time.time = old

    def flip(text, i):
        c = text[i]
        return text[:i] + ("A" if c != "A" else "B") + text[i + 1:]

    other = make_app("some-other-secret")
    bad = {
        "valid_control": good,
        "tampered_payload": flip(payload, 3) + "." + ts + "." + sig,
        "tampered_timestamp": payload + "." + flip(ts, 5) + "." + sig,
        "tampered_signature": payload + "." + ts + "." + flip(sig, 10),
        "truncated_signature": good[:-1],
        "signature_removed": payload + "." + ts,
        "wrong_key": other.session_interface.get_signing_serializer(other).dumps({"user_id": 42}),
        "expired_by_one_second": signed_at({"user_id": 42}, FIXED_TS - int(LIFETIME.total_seconds()) - 1),
        "exactly_lifetime_old": signed_at({"user_id": 42}, FIXED_TS - int(LIFETIME.total_seconds())),
        "from_the_future": signed_at({"user_id": 42}, FIXED_TS + 10),
        "garbage": "garbage",
        "dots_only": "...",
        "one_dot": ".",
        "three_parts_junk": "a.b.c",
        "non_ascii": "\u00e9.\u00e9.\u00e9",
        "signed_bad_base64": signer.sign("!!!!").decode(),
        "signed_bad_zlib": signer.sign("." + itsdangerous.encoding.base64_encode(b"not zlib data").decode()).decode(),
        "signed_bad_json": signer.sign(itsdangerous.encoding.base64_encode(b'{"a":').decode()).decode(),
        "signed_json_list": signer.sign(itsdangerous.encoding.base64_encode(b"[1,2]").decode()).decode(),
        "signed_bad_utf8": signer.sign(itsdangerous.encoding.base64_encode(b'{"a":"\xff"}').decode()).decode(),
        "signed_bad_tag": signer.sign(itsdangerous.encoding.base64_encode(b'{"a":{" u":"nothex"}}').decode()).decode(),
        "signed_long_timestamp": payload + "." + "AAAAAAAAAAAA" + "." + signer.get_signature(payload + ".AAAAAAAAAAAA").decode(),
        "too_long": s.dumps({"data": base64.b64encode(os.urandom(7000)).decode()}),
    }
    for name, cookie in bad.items():
        status, decoded = open_cookie(app, cookie)
        out["bad"].append({"name": name, "cookie": cookie, "flask": status,
                           "expect": describe(decoded) if status == "ok" else None,
                           "detail": decoded if status == "error" else None})

    # Key rotation: Flask 3.1 verifies with SECRET_KEY_FALLBACKS + [SECRET_KEY] (itsdangerous key list,
    # oldest first) and signs with SECRET_KEY. Flask 2.2 has no fallbacks setting, so the rotated
    # serializer is built exactly as Flask 3.1's get_signing_serializer builds it.
    old_app = make_app(OLD_SECRET)
    old_cookie = mint(old_app, {"user_id": 7})[0].split(";", 1)[0].split("=", 1)[1]
    rotated = itsdangerous.URLSafeTimedSerializer(
        [OLD_SECRET, SECRET], salt="cookie-session", serializer=app.session_interface.serializer,
        signer_kwargs={"key_derivation": "hmac", "digest_method": __import__("hashlib").sha1})
    out["fallbacks"] = {
        "old_cookie": old_cookie,
        "old_cookie_decoded_by_rotated": describe(rotated.loads(old_cookie, max_age=int(LIFETIME.total_seconds()))),
        "rotated_dumps": rotated.dumps({"user_id": 7}),
        "current_app_cookie": mint(make_app(), {"user_id": 7})[0].split(";", 1)[0].split("=", 1)[1],
    }

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "flask_sessions.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(f"wrote {len(out['cases'])} cookies and {len(out['bad'])} bad cookies to {path}")


if __name__ == "__main__":
    main()
