"""Records what real Werkzeug 2.2 and Flask 2.2 produce, for Flaskr's tests.

Run with Debian's python3-werkzeug / python3-flask:  /usr/bin/python3 generate.py
Writes werkzeug.json: password hashes made by werkzeug.security.generate_password_hash
(Flaskr must accept them: a user table exported from the Flask tutorial keeps working),
and session cookies minted by a Flask app with SECRET_KEY "dev" holding the tutorial's user_id.
"""
import json
import os

import flask
import werkzeug
from flask import Flask, session
from werkzeug.security import check_password_hash, generate_password_hash

passwords = []
for password, method, salt_length in [
    ("test", "pbkdf2:sha256", 16),          # Werkzeug 2.2's default method (260000 iterations)
    ("other", "pbkdf2:sha256:50000", 8),    # the tutorial's tests/data.sql style
    ("s3cret påss", "pbkdf2:sha512:10000", 12),
    ("", "pbkdf2:sha1:1000", 4),
]:
    h = generate_password_hash(password, method=method, salt_length=salt_length)
    assert check_password_hash(h, password)
    passwords.append({"password": password, "hash": h})

app = Flask("flaskr")
app.secret_key = "dev"
cookies = []


@app.route("/login/<int:user_id>")
def login(user_id):
    session.clear()
    session["user_id"] = user_id
    return ""


with app.test_client() as client:
    for user_id in (1, 2):
        response = client.get(f"/login/{user_id}")
        header = response.headers["Set-Cookie"]
        value = header.split(";", 1)[0].split("=", 1)[1]
        cookies.append({"secret_key": "dev", "user_id": user_id, "cookie": value})

out = {
    "generator": f"werkzeug {werkzeug.__version__}, flask {flask.__version__}",
    "passwords": passwords,
    "sessions": cookies,
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "werkzeug.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, indent=2, ensure_ascii=False)
    f.write("\n")
