#!/usr/bin/python3
"""Records Werkzeug's request-size limits for Flagon's form-limit tests.

Run with the Debian Flask (2.2.2, Werkzeug 2.2.2 with the max_form_parts backport):
    /usr/bin/python3 generate_limits.py > limits.json
Flask 2.2 does not read MAX_FORM_MEMORY_SIZE / MAX_FORM_PARTS; Flask 3.1 does, through the request's
max_form_memory_size / max_form_parts properties. The request class below reads them from the config the same way,
so the answers are Flask 3.1's semantics on Werkzeug's parser. Each case's body is built from its spec by the same
rules in the C# test (FormLimitTests.BuildBody), byte for byte.
"""
import json

import werkzeug.exceptions
import werkzeug.formparser
from flask import Flask, Request, current_app, request

# Debian's backport of the per-field memory check (werkzeug 2.2.2-3+deb12u1) raises RequestEntityTooLarge in
# formparser.py without importing it, which turns the intended 413 into a NameError (500). Supply the name.
if not hasattr(werkzeug.formparser, "RequestEntityTooLarge"):
    werkzeug.formparser.RequestEntityTooLarge = werkzeug.exceptions.RequestEntityTooLarge

BOUNDARY = "----flagonlimits"


class LimitedRequest(Request):
    @property
    def max_form_memory_size(self):
        return current_app.config["MAX_FORM_MEMORY_SIZE"]

    @property
    def max_form_parts(self):
        return current_app.config["MAX_FORM_PARTS"]


def build_body(case):
    """groups: [count, size, is_file]; fields are named f0, f1…, files u0, u1…; values are 'x' * size."""
    if case["kind"] == "urlencoded":
        pairs = []
        n = 0
        for count, size, _ in case["groups"]:
            for _ in range(count):
                pairs.append(f"f{n}=" + "x" * size)
                n += 1
        return "&".join(pairs).encode(), "application/x-www-form-urlencoded"
    out = []
    fields = files = 0
    for count, size, is_file in case["groups"]:
        for _ in range(count):
            if is_file:
                disposition = f'form-data; name="u{files}"; filename="u{files}.txt"\r\nContent-Type: text/plain'
                files += 1
            else:
                disposition = f'form-data; name="f{fields}"'
                fields += 1
            out.append(f"--{BOUNDARY}\r\nContent-Disposition: {disposition}\r\n\r\n" + "x" * size + "\r\n")
    out.append(f"--{BOUNDARY}--\r\n")
    return "".join(out).encode(), f"multipart/form-data; boundary={BOUNDARY}"


D = {}
CASES = [
    ("field_at_memory_limit", D, "multipart", [[1, 500_000, False]]),
    ("field_over_memory_limit", D, "multipart", [[1, 500_001, False]]),
    ("large_file_is_not_bounded", D, "multipart", [[1, 10, False], [1, 700_000, True]]),
    ("many_small_fields_over_memory_total", D, "multipart", [[6, 100_000, False]]),
    ("parts_at_limit", D, "multipart", [[1000, 1, False]]),
    ("parts_over_limit", D, "multipart", [[1001, 1, False]]),
    ("fields_and_files_count_together", D, "multipart", [[600, 1, False], [401, 1, True]]),
    ("fields_and_files_at_limit", D, "multipart", [[500, 1, False], [500, 1, True]]),
    ("urlencoded_at_memory_limit", D, "urlencoded", [[1, 500_000 - 3, False]]),
    ("urlencoded_over_memory_limit", D, "urlencoded", [[1, 500_000 - 2, False]]),
    ("urlencoded_parts_are_not_counted", D, "urlencoded", [[2000, 1, False]]),
    ("no_memory_limit", {"MAX_FORM_MEMORY_SIZE": None}, "multipart", [[1, 600_000, False]]),
    ("no_memory_limit_urlencoded", {"MAX_FORM_MEMORY_SIZE": None}, "urlencoded", [[1, 600_000, False]]),
    ("no_parts_limit", {"MAX_FORM_PARTS": None}, "multipart", [[1500, 1, False]]),
    ("small_memory_limit", {"MAX_FORM_MEMORY_SIZE": 200_000}, "multipart", [[1, 200_001, False]]),
    ("small_memory_limit_ok", {"MAX_FORM_MEMORY_SIZE": 200_000}, "multipart", [[2, 200_000, False]]),
    ("three_parts_allowed", {"MAX_FORM_PARTS": 3}, "multipart", [[2, 5, False], [1, 5, True]]),
    ("four_parts_refused", {"MAX_FORM_PARTS": 3}, "multipart", [[2, 5, False], [2, 5, True]]),
    ("content_length_over_max", {"MAX_CONTENT_LENGTH": 1000}, "multipart", [[1, 2000, False]]),
    ("content_length_over_max_urlencoded", {"MAX_CONTENT_LENGTH": 1000}, "urlencoded", [[1, 2000, False]]),
    ("content_length_under_max", {"MAX_CONTENT_LENGTH": 1000}, "multipart", [[2, 100, False]]),
]

out = {"cases": []}
for name, config, kind, groups in CASES:
    app = Flask("limits")
    app.request_class = LimitedRequest
    app.config.update({"MAX_FORM_MEMORY_SIZE": 500_000, "MAX_FORM_PARTS": 1000})  # Flask 3.1's defaults
    app.config.update(config)

    @app.route("/", methods=["POST"])
    def index():
        return f"{len(list(request.form.items(multi=True)))}|{len(list(request.files.items(multi=True)))}"

    @app.route("/untouched", methods=["POST"])
    def untouched():
        return "untouched"

    case = {"name": name, "config": config, "kind": kind, "groups": groups}
    body, content_type = build_body(case)
    client = app.test_client()
    resp = client.post("/", data=body, content_type=content_type)
    case["status"] = resp.status_code
    case["body"] = resp.get_data(as_text=True) if resp.status_code == 200 else None
    # A view that never reads the form is not affected by the form limits (or by MAX_CONTENT_LENGTH).
    case["untouched_status"] = client.post("/untouched", data=body, content_type=content_type).status_code
    out["cases"].append(case)

json.dump(out, __import__("sys").stdout, indent=1)
print()
