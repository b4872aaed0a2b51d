#!/usr/bin/env python3
"""Creates the fortunes SQLite database of the HTTP benchmark from bench/data/fortunes.json.

    python3 bench/http/make_db.py OUT.sqlite

Table fortune(id INTEGER PRIMARY KEY, message TEXT NOT NULL): the 12 TechEmpower fortunes.
Every server adds the 13th ("Additional fortune added at request time.") per request.
"""
import json
import sqlite3
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "fortunes.json"


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    rows = json.loads(DATA.read_text(encoding="utf-8"))["fortunes"]
    with sqlite3.connect(out) as db:
        db.execute("CREATE TABLE fortune (id INTEGER PRIMARY KEY, message TEXT NOT NULL)")
        db.executemany("INSERT INTO fortune (id, message) VALUES (?, ?)", [(r["id"], r["message"]) for r in rows])
    db.close()
    print(f"{out}: {len(rows)} fortunes")


if __name__ == "__main__":
    main()
