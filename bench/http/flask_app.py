"""The Flask peer of the HTTP benchmark: the same four endpoints as MinimalApi and FlagonApp.

Run under gunicorn sync workers (bench/http/run.sh does this):
    FORTUNES_DB=/path/fortunes.sqlite gunicorn -w 5 -b 127.0.0.1:5103 --chdir bench/http flask_app:app
"""
import os
import sqlite3

from flask import Flask, Response, jsonify, render_template
from markupsafe import escape

app = Flask(__name__)

DATABASE = os.environ["FORTUNES_DB"]
ADDED = (0, "Additional fortune added at request time.")
_connection = None


def connection():
    # One read-only connection per worker process (sync workers serve one request at a time),
    # the counterpart of the .NET apps' connection pool.
    global _connection
    if _connection is None:
        _connection = sqlite3.connect(f"file:{DATABASE}?mode=ro", uri=True)
    return _connection


@app.get("/plaintext")
def plaintext():
    return Response("Hello, World!", mimetype="text/plain")


@app.get("/json")
def json_():
    return jsonify(message="Hello, World!")


@app.get("/fortunes")
def fortunes():
    rows = connection().execute("SELECT id, message FROM fortune").fetchall()
    rows.append(ADDED)
    rows.sort(key=lambda row: row[1])
    return render_template("fortunes.html", fortunes=[{"id": i, "message": m} for i, m in rows])


@app.get("/hello/<name>")
def hello(name):
    return f"Hello, {escape(name)}!"
