#!/usr/bin/python3
"""Records Werkzeug's TRUSTED_HOSTS matching and Flask 3.1's refusal for Flagon's trusted-host tests.

Run with the Debian Flask (2.2.2, Werkzeug 2.2.2):  /usr/bin/python3 generate_trusted_hosts.py > trusted_hosts.json
Flask 2.2 has no TRUSTED_HOSTS key; Flask 3.1 checks it in create_url_adapter (get_host with the request's trusted
hosts), and RequestContext stores the SecurityError (a 400) as the routing exception, so the before-request hooks
still run and the 400 goes through the error handlers. The app below does exactly that on Flask 2.2.
Werkzeug 3 strips the port with partition(":") where 2.2 uses rsplit(":", 1); they differ only for IPv6 hosts,
which are left out of the table (Flagon strips an IPv6 port properly; see docs/config.md).
"""
import json
import sys

from flask import Flask, g
from werkzeug.exceptions import HTTPException
from werkzeug.sansio.utils import host_is_trusted
from werkzeug.wsgi import get_host


class TrustingFlask(Flask):
    def create_url_adapter(self, request):
        if request is not None and self.config.get("TRUSTED_HOSTS") is not None:
            request.trusted_hosts = self.config["TRUSTED_HOSTS"]
            get_host(request.environ, request.trusted_hosts)
        return super().create_url_adapter(request)


TRUSTED = ["example.com", ".example.org", "localhost", "Mixed.Case", "bücher.de", "api.service:8080"]
HOSTS = [
    "example.com", "example.com:5000", "www.example.com", "example.org", "www.example.org", "a.b.example.org",
    "badexample.org", "example.org.evil.com", "evil.com", "localhost", "localhost:80", "mixed.case", "Mixed.Case",
    "EXAMPLE.COM", "xn--bcher-kva.de", "api.service", "api.service:9999", "example.com.", "",
]

out = {"trusted": TRUSTED, "matches": {h: host_is_trusted(h, TRUSTED) for h in HOSTS}}
out["single_string"] = {h: host_is_trusted(h, "example.com") for h in ["example.com", "www.example.com"]}

app = TrustingFlask("trusted")
app.config["TRUSTED_HOSTS"] = ["example.com", ".example.org"]
trace = []


@app.before_request
def before():
    trace.append("before_request")


@app.route("/")
def index():
    trace.append("view")
    return "ok"


client = app.test_client()
requests = {}
for host in ["example.com", "www.example.org", "evil.com", "example.com:8080"]:
    trace.clear()
    resp = client.get("/", headers={"Host": host})
    requests[host] = {"status": resp.status_code, "body": resp.get_data(as_text=True), "trace": list(trace)}
out["requests"] = requests

app = TrustingFlask("handled")
app.config["TRUSTED_HOSTS"] = ["example.com"]
app.register_error_handler(400, lambda e: (f"handled: {e.description}", 400))
app.add_url_rule("/", "index", lambda: "ok")
resp = app.test_client().get("/", headers={"Host": "evil.com"})
out["handled"] = {"status": resp.status_code, "body": resp.get_data(as_text=True)}

json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
