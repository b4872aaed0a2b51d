#!/usr/bin/python3
"""Check that real Flask 2.2.2 reads cookies written by Flagon, and record what it decoded.

    FLAGON_MINT_OUTPUT=/tmp/minted.json dotnet test tests/Flagon.Tests --filter FlaskReadsFlagonTests
    /usr/bin/python3 tests/Flagon.Tests/Sessions/Fixtures/verify_flagon.py /tmp/minted.json

Writes flagon_minted.json next to this script: each Flagon cookie with Flask's verdict and the
decoded value described as generate.py describes values.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (freezes the clock and provides make_app/open_cookie/describe)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        minted = json.load(f)
    app = generate.make_app()
    rows = []
    for name in sorted(minted):
        status, decoded = generate.open_cookie(app, minted[name])
        assert status == "ok", (name, status, decoded)
        rows.append({"name": name, "cookie": minted[name], "flask": status, "flask_decoded": generate.describe(decoded)})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "flagon_minted.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"flask": generate.flask.__version__, "cookies": rows}, f, indent=1, ensure_ascii=True)
        f.write("\n")
    print(f"Flask read all {len(rows)} Flagon cookies; wrote {path}")


if __name__ == "__main__":
    main()
