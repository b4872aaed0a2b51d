#!/usr/bin/python3
"""Records Flask 2.2's answers for Flagon's behavioural tests.

Run with the Debian Flask (2.2.2, Werkzeug 2.2.2):  /usr/bin/python3 generate_flask.py > flask.json
The C# tests rebuild the same apps (same rules, same handlers) and compare with these answers.
"""
import json
import math
import sys
import uuid

import flask
import werkzeug
from flask import Flask, abort, jsonify, redirect, url_for
from flask.cli import routes_command
from werkzeug import exceptions as wex


def record(resp):
    headers = {k: v for k, v in resp.headers.items() if k in ("Content-Type", "Location", "Allow") or k.startswith("X-")}
    if "Allow" in headers:
        headers["Allow"] = sorted(m.strip() for m in headers["Allow"].split(","))
    return {"status": resp.status_code, "status_line": resp.status, "headers": headers, "body": resp.get_data(as_text=True)}


out = {"flask": flask.__version__, "werkzeug": werkzeug.__version__}

# ---- error pages: abort(code) for every code Werkzeug knows --------------------------------
app = Flask("errors")


@app.route("/abort/<int:code>")
def do_abort(code):
    abort(code)


@app.route("/abort-described")
def described():
    abort(400, description="Bad <thing> & 'quotes'\nsecond line")


client = app.test_client()
out["error_pages"] = {str(code): record(client.get(f"/abort/{code}")) for code in sorted(wex.default_exceptions)}
out["error_described"] = record(client.get("/abort-described"))

# ---- JSON: the default provider's response bytes --------------------------------------------
JSON_CASES = {
    "dict_sorted": {"b": 1, "a": [1, 2, {"z": None, "y": True}], "C": "x", "é": "ü", "_": False},
    "floats": [1.0, 0.1, 1e16, 1e15, 1e-5, 0.0001, 123456.789, -0.0, 1.5e300, 2.5, -3.25e-10, 1 / 3],
    "ints": [0, -1, 2**53, 9223372036854775807, -9223372036854775808],
    "strings": ["plain", "quote\" backslash\\ slash/", "ctl\n\r\t\b\f\u0001\u001f\u007f", "é ü ß 中文 😀", "<script>&amp;</script>"],
    "empty": {"list": [], "dict": {}, "nested": [[], {}]},
    "unicode_keys": {"z": 1, "Z": 2, "é": 3, "a": 4, "😀": 5, "中": 6, "\uffff": 7},
    "scalar_string": "just a string",
    "scalar_null": None,
    "scalar_number": 42,
    "nested": {"level1": {"level2": {"level3": [1, {"k": "v"}]}}},
}
app = Flask("json")
out["json"] = {}
out["json_debug"] = {}
with app.test_request_context():
    for name, value in JSON_CASES.items():
        out["json"][name] = jsonify(value).get_data(as_text=True)
    out["json_dumps"] = {name: flask.json.dumps(value) for name, value in JSON_CASES.items()}
    out["json_multi"] = jsonify(1, "two", [3]).get_data(as_text=True)
    out["json_empty"] = jsonify().get_data(as_text=True)
app.debug = True
with app.test_request_context():
    for name, value in JSON_CASES.items():
        out["json_debug"][name] = jsonify(value).get_data(as_text=True)

# ---- routing: one app, many requests --------------------------------------------------------
app = Flask("routing")


@app.route("/")
def index():
    return "index"


@app.route("/user/<int:id>")
def user(id):
    return f"user {id}"


@app.route("/user/me")
def me():
    return "me"


@app.route("/user/<name>")
def user_name(name):
    return f"name {name}"


@app.route("/items/")
def items():
    return "items"


@app.route("/leaf")
def leaf():
    return "leaf"


@app.route("/post/<name>", methods=["POST", "PUT"])
def post(name):
    return f"post {name}"


@app.route("/both", methods=["GET"])
def both_get():
    return "both get"


@app.route("/both", methods=["POST"])
def both_post():
    return "both post"


@app.route("/f/<float:x>")
def fl(x):
    return f"float {x!r}"


@app.route("/p/<path:rest>")
def path(rest):
    return f"path {rest}"


@app.route("/u/<uuid:id>")
def uid(id):
    return f"uuid {id}"


@app.route("/any/<any(red, blue):color>")
def color(color):
    return f"color {color}"


@app.route("/v/<int(min=5):n>")
def vmin(n):
    return f"v {n}"


@app.route("/page/", defaults={"n": 1})
@app.route("/page/<int:n>")
def page(n):
    return f"page {n}"


@app.route("/loose", strict_slashes=False)
def loose():
    return "loose"


@app.route("/nooptions", methods=["GET"], provide_automatic_options=False)
def nooptions():
    return "nooptions"


@app.route("/slashy/", methods=["GET"])
def slashy():
    return "slashy"


ROUTING_REQUESTS = [
    ("GET", "/"), ("HEAD", "/"), ("POST", "/"), ("OPTIONS", "/"),
    ("GET", "/user/42"), ("GET", "/user/me"), ("GET", "/user/bob"), ("GET", "/user/-3"),
    ("GET", "/items"), ("GET", "/items/"), ("GET", "/items?x=1&y=2"), ("POST", "/items"),
    ("GET", "/leaf"), ("GET", "/leaf/"), ("GET", "/missing"),
    ("GET", "/post/a"), ("POST", "/post/a"), ("PUT", "/post/a"), ("DELETE", "/post/a"), ("OPTIONS", "/post/a"),
    ("GET", "/both"), ("POST", "/both"), ("PUT", "/both"), ("OPTIONS", "/both"),
    ("GET", "/f/2.5"), ("GET", "/f/2"),
    ("GET", "/p/a/b/c.txt"), ("GET", "/u/12345678-1234-5678-1234-567812345678"), ("GET", "/u/not-a-uuid"),
    ("GET", "/any/red"), ("GET", "/any/green"),
    ("GET", "/v/7"), ("GET", "/v/3"),
    ("GET", "/page/"), ("GET", "/page/3"), ("GET", "/page/1"),
    ("GET", "/loose"), ("GET", "/loose/"),
    ("OPTIONS", "/nooptions"),
    ("GET", "/user//42"),
    ("GET", "/slashy"), ("POST", "/slashy"),
]
client = app.test_client()
out["routing"] = [
    {"method": m, "path": p, **record(client.open(p, method=m))} for m, p in ROUTING_REQUESTS
]

# ---- url_for ---------------------------------------------------------------------------------
URL_FOR = [
    {"endpoint": "index", "values": {}},
    {"endpoint": "user", "values": {"id": 5, "q": "a b", "tags": ["x", "y"]}},
    {"endpoint": "user_name", "values": {"name": "a b/c"}},
    {"endpoint": "path", "values": {"rest": "a b/c d"}},
    {"endpoint": "page", "values": {"n": 1}},
    {"endpoint": "page", "values": {"n": 2}},
    {"endpoint": "index", "values": {"_anchor": "sec 1"}},
    {"endpoint": "index", "values": {"_external": True}},
    {"endpoint": "index", "values": {"_external": True, "_scheme": "https"}},
    {"endpoint": "index", "values": {"_scheme": "https"}},
    {"endpoint": "post", "values": {"name": "x", "_method": "POST"}},
    {"endpoint": "items", "values": {"none": None, "empty": ""}},
    {"endpoint": "color", "values": {"color": "blue"}},
]
with app.test_request_context():
    for case in URL_FOR:
        case["url"] = url_for(case["endpoint"], **case["values"])
out["url_for"] = URL_FOR
app.config["SERVER_NAME"] = "example.com"
app.config["APPLICATION_ROOT"] = "/app"
app.config["PREFERRED_URL_SCHEME"] = "https"
with app.app_context():
    out["url_for_app_context"] = url_for("user", id=3)
app.config["SERVER_NAME"] = None

# ---- make_response: tuples, status strings, headers -------------------------------------------
app = Flask("make_response")


@app.route("/tuple-status")
def tuple_status():
    return "created", 201


@app.route("/tuple-status-string")
def tuple_status_string():
    return "gone", "410 GONE"


@app.route("/tuple-headers")
def tuple_headers():
    return "with headers", {"X-Test": "1", "Content-Type": "text/plain"}


@app.route("/tuple-all")
def tuple_all():
    return {"ok": True}, 202, {"X-A": "a"}


@app.route("/dict")
def dict_view():
    return {"b": 2, "a": 1}


@app.route("/list")
def list_view():
    return [1, "two", None]


@app.route("/redirect")
def redirect_view():
    return redirect("/target?a=1&b=<2>")


@app.route("/redirect-301")
def redirect_301():
    return redirect("https://example.com/é", 301)


client = app.test_client()
out["make_response"] = {p: record(client.get(p)) for p in ["/tuple-status", "/tuple-status-string", "/tuple-headers", "/tuple-all", "/dict", "/list", "/redirect", "/redirect-301"]}

# ---- flask routes -----------------------------------------------------------------------------
app = Flask("routes", static_folder="static")


@app.route("/")
def index():
    return ""


@app.route("/user/<int:id>", methods=["GET", "POST"])
def user(id):
    return ""


@app.route("/admin/delete/<name>", methods=["DELETE"])
def admin_delete(name):
    return ""


runner = app.test_cli_runner()
out["routes"] = runner.invoke(routes_command, []).output
out["routes_all_methods"] = runner.invoke(routes_command, ["--all-methods"]).output
out["routes_sort_rule"] = runner.invoke(routes_command, ["--sort", "rule"]).output

json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
sys.stdout.write("\n")
