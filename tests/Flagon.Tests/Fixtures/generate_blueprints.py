#!/usr/bin/python3
"""Records Flask 2.2's blueprint behaviour for Flagon's blueprint tests.

Run with the Debian Flask (2.2.2, Werkzeug 2.2.2):  /usr/bin/python3 generate_blueprints.py > blueprints.json
tests/Flagon.Tests/Blueprints/BlueprintFlaskFixtureTests.cs rebuilds the same apps and compares with these answers.
Python's ValueError stands for .NET's InvalidOperationException, KeyError for KeyNotFoundException.
"""
import json

import flask
from flask import Blueprint, Flask, abort, request, url_for, render_template_string

out = {"flask": flask.__version__}


# ---- nested blueprints: the order of every hook --------------------------------------------
def hooked_app():
    trace = []
    app = Flask("hooks")
    parent = Blueprint("parent", "parent", url_prefix="/p")
    child = Blueprint("child", "child", url_prefix="/c")

    for scope, owner in (("app", app), ("parent", parent), ("child", child)):
        def add(scope=scope, owner=owner):
            owner.url_value_preprocessor(lambda e, v: trace.append(f"{scope} preprocess"))
            owner.before_request(lambda: trace.append(f"{scope} before 1"))
            owner.before_request(lambda: trace.append(f"{scope} before 2"))

            def after(tag):
                def f(r):
                    trace.append(f"{scope} after {tag}")
                    return r
                return f

            owner.after_request(after(1))
            owner.after_request(after(2))
            owner.teardown_request(lambda e: trace.append(f"{scope} teardown 1"))
            owner.teardown_request(lambda e: trace.append(f"{scope} teardown 2"))
            owner.context_processor(lambda: {"who": scope, scope: True})
        add()

    child.before_app_request(lambda: trace.append("child before_app_request"))
    child.after_app_request(lambda r: (trace.append("child after_app_request"), r)[1])
    child.teardown_app_request(lambda e: trace.append("child teardown_app_request"))

    def page():
        trace.append("view")
        return render_template_string("{{ who }}|{{ app }}|{{ parent }}|{{ child }}|" + request.blueprint.__str__() + "|" + ",".join(request.blueprints))

    app.add_url_rule("/", "index", page)
    parent.add_url_rule("/", "index", page)
    child.add_url_rule("/", "index", page)
    parent.register_blueprint(child)
    app.register_blueprint(parent)
    return app, trace


app, trace = hooked_app()
client = app.test_client()
out["hooks"] = {}
for path in ("/", "/p/", "/p/c/", "/nothing"):
    trace.clear()
    resp = client.get(path)
    out["hooks"][path] = {"status": resp.status_code, "body": resp.get_data(as_text=True) if resp.status_code == 200 else None, "trace": list(trace)}


# ---- error handler precedence ----------------------------------------------------------------
def errors_app():
    app = Flask("errors")
    parent = Blueprint("parent", "parent", url_prefix="/p")
    child = Blueprint("child", "child", url_prefix="/c")
    app.register_error_handler(404, lambda e: ("app 404", 404))
    app.register_error_handler(Exception, lambda e: ("app Exception", 500))
    app.register_error_handler(KeyError, lambda e: ("app KeyError", 500))
    parent.register_error_handler(404, lambda e: ("parent 404", 404))
    parent.register_error_handler(ValueError, lambda e: ("parent ValueError", 500))
    child.register_error_handler(Exception, lambda e: ("child Exception", 500))
    child.register_error_handler(403, lambda e: ("child 403", 403))

    def raiser(kind):
        def view():
            if kind == "404":
                abort(404)
            if kind == "403":
                abort(403)
            if kind == "410":
                abort(410)
            if kind == "value":
                raise ValueError("v")
            if kind == "key":
                raise KeyError("k")
            return "ok"
        return view

    for kind in ("404", "403", "410", "value", "key"):
        app.add_url_rule(f"/{kind}", f"{kind}", raiser(kind))
        parent.add_url_rule(f"/{kind}", f"{kind}", raiser(kind))
        child.add_url_rule(f"/{kind}", f"{kind}", raiser(kind))
    parent.register_blueprint(child)
    app.register_blueprint(parent)
    return app


client = errors_app().test_client()
out["errors"] = {}
for prefix in ("", "/p", "/p/c"):
    for kind in ("404", "403", "410", "value", "key", "missing"):
        resp = client.get(f"{prefix}/{kind}")
        body = resp.get_data(as_text=True)
        out["errors"][f"{prefix}/{kind}"] = {"status": resp.status_code, "body": body if "<" not in body else "default page"}


# ---- url_for across blueprints, registrations under two names, url_defaults ------------------
def urls_app():
    app = Flask("urls")
    app.config["SERVER_NAME"] = "example.com"
    bp = Blueprint("bp", "bp", url_prefix="/bp", url_defaults={"lang": "en"}, static_folder="static")
    child = Blueprint("child", "child")
    bp.add_url_rule("/<lang>/", "index", lambda lang: "")
    child.add_url_rule("/x/<int:n>", "x", lambda n: "")
    bp.register_blueprint(child, url_prefix="/kid")
    app.add_url_rule("/", "index", lambda: "")

    @bp.url_defaults
    def add_page(endpoint, values):
        values.setdefault("page", "1")

    app.register_blueprint(bp)
    app.register_blueprint(bp, name="bp2", url_prefix="/two", url_defaults={"lang": "fr"})
    app.register_blueprint(bp, name="bp3", subdomain="api")
    return app


app = urls_app()
cases = [
    ("/bp/en/", [".index", ".static", "index", "bp.index", "bp2.index", "bp3.index", ".child.x", "bp.child.x", "bp2.child.x"]),
    ("/bp/kid/x/3", [".x", ".index", "bp.child.x", "bp.index"]),
    ("/", [".index", "bp.index", "bp.static", "bp2.static"]),
]
out["urls"] = {}
for path, endpoints in cases:
    with app.test_request_context(path, base_url="http://example.com"):
        rows = {}
        for endpoint in endpoints:
            values = {"n": 5} if endpoint.split(".")[-1] == "x" else {}
            if endpoint.endswith("static"):
                values["filename"] = "a.css"
            try:
                rows[endpoint] = url_for(endpoint, **values)
            except Exception as e:  # noqa: BLE001
                rows[endpoint] = "error " + type(e).__name__
        out["urls"][path] = {"blueprint": request.blueprint, "endpoint": request.endpoint, "urls": rows}
out["rules"] = sorted(f"{r.rule} {r.endpoint} {r.subdomain} {json.dumps(r.defaults, sort_keys=True) if r.defaults else ''}".strip() for r in app.url_map.iter_rules())

# ---- registration errors ----------------------------------------------------------------------
errors = {}


def attempt(name, fn):
    try:
        fn()
        errors[name] = None
    except Exception as e:  # noqa: BLE001
        errors[name] = f"{type(e).__name__}: {e}"


attempt("dot_in_name", lambda: Blueprint("a.b", "x"))
attempt("dot_in_endpoint", lambda: Blueprint("a", "x").add_url_rule("/", "a.b", lambda: ""))


def same_name_twice():
    app = Flask("x")
    bp = Blueprint("bp", "x")
    app.register_blueprint(bp)
    app.register_blueprint(bp)


def different_with_same_name():
    app = Flask("x")
    app.register_blueprint(Blueprint("bp", "x"))
    app.register_blueprint(Blueprint("bp", "x"))


def on_itself():
    bp = Blueprint("bp", "x")
    bp.register_blueprint(bp)


def nested_same_name_twice():
    app = Flask("x")
    parent = Blueprint("parent", "x")
    child = Blueprint("child", "x")
    parent.register_blueprint(child)
    parent.register_blueprint(child)
    app.register_blueprint(parent)


def two_names():
    app = Flask("x")
    bp = Blueprint("bp", "x")
    app.register_blueprint(bp)
    app.register_blueprint(bp, name="other")


attempt("same_name_twice", same_name_twice)
attempt("different_with_same_name", different_with_same_name)
attempt("on_itself", on_itself)
attempt("nested_same_name_twice", nested_same_name_twice)
attempt("two_names", two_names)
out["registration_errors"] = errors

json.dump(out, __import__("sys").stdout, indent=1, sort_keys=True)
print()
