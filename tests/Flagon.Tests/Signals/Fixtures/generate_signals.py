#!/usr/bin/python3
"""Records the order in which Flask 2.2 sends its signals, interleaved with the app's hooks.

Run with the Debian Flask (2.2.2, blinker 1.5):  /usr/bin/python3 generate_signals.py > signals.json
SignalOrderTests rebuilds the same app in Flagon and compares the event sequence per scenario.
"""
import json

import flask
from flask import Flask, flash, render_template_string, signals

SIGNALS = [
    "appcontext_pushed", "request_started", "before_render_template", "template_rendered",
    "message_flashed", "got_request_exception", "request_finished", "request_tearing_down",
    "appcontext_tearing_down", "appcontext_popped",
]

events = []
app = Flask("signals")
app.secret_key = "dev"


def receiver(name):
    def receive(sender, **kwargs):
        assert sender is app
        events.append("signal:" + name)
    return receive


receivers = [receiver(n) for n in SIGNALS]
for name, fn in zip(SIGNALS, receivers):
    getattr(signals, name).connect(fn, app)


@app.before_request
def before():
    events.append("hook:before_request")


@app.after_request
def after(response):
    events.append("hook:after_request")
    return response


@app.teardown_request
def teardown_request(exc):
    events.append("hook:teardown_request")


@app.teardown_appcontext
def teardown_appcontext(exc):
    events.append("hook:teardown_appcontext")


@app.route("/page")
def page():
    events.append("view")
    flash("hello", "info")
    return render_template_string("{{ x }}", x=1)


@app.route("/boom")
def boom():
    events.append("view")
    raise KeyError("boom")


@app.errorhandler(500)
def server_error(e):
    events.append("hook:errorhandler_500")
    return "oops", 500


@app.route("/handled")
def handled():
    events.append("view")
    flask.abort(418)


out = {"flask": flask.__version__, "scenarios": {}}
app.config["PROPAGATE_EXCEPTIONS"] = False
client = app.test_client()
for name, path in [("page", "/page"), ("boom", "/boom"), ("handled", "/handled"), ("not_found", "/missing")]:
    events.clear()
    client.get(path)
    out["scenarios"][name] = list(events)

events.clear()
with app.app_context():
    events.append("body")
out["scenarios"]["app_context"] = list(events)

# A failing teardown: Flask 2.2 resets the context but does not send appcontext_popped when a teardown-appcontext
# function raises (the error leaves AppContext.pop before the signal); a failing teardown-request function does not
# stop the app context's pop. The test client re-raises the teardown error, so the events are read afterwards.
for where in ("teardown_appcontext", "teardown_request"):
    failing = flask.Flask(f"failing_{where}")
    failing.config["PROPAGATE_EXCEPTIONS"] = False
    seen = []
    for signal_name in ("request_tearing_down", "appcontext_tearing_down", "appcontext_popped"):
        getattr(flask, signal_name).connect(lambda sender, _n=signal_name, **kw: seen.append(_n), failing, weak=False)

    def fail(exc, _where=where):
        seen.append("hook:" + _where)
        raise RuntimeError("teardown failed")

    getattr(failing, where)(fail)
    failing.add_url_rule("/", "index", lambda: "ok")
    try:
        failing.test_client().get("/")
    except RuntimeError:
        pass
    out["scenarios"]["failing_" + where] = list(seen)
    seen.clear()
    try:
        with failing.app_context():
            pass
    except RuntimeError:
        pass
    out["scenarios"]["failing_" + where + "_app_context"] = list(seen)

print(json.dumps(out, indent=2))
