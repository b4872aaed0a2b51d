"""The benchmark's workloads as Jinja2 sees them: one environment, the templates and their data.

Shared by render_expected.py (writes bench/expected/) and bench.py (times Jinja2).
"""
import json
from pathlib import Path

import jinja2

BENCH = Path(__file__).resolve().parent.parent
TEMPLATES = BENCH / "templates"
DATA = BENCH / "data"

ADDED_FORTUNE = {"id": 0, "message": "Additional fortune added at request time."}


def environment():
    # Autoescape on for every template (as Flask does for .html); everything else is the default.
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)


def load(name):
    with open(DATA / name, encoding="utf-8") as f:
        return json.load(f)


def fortunes():
    """The 12 stored fortunes plus the one added at request time, sorted by message."""
    rows = load("fortunes.json")["fortunes"] + [ADDED_FORTUNE]
    rows.sort(key=lambda row: row["message"])
    return {"fortunes": rows}


def renders(env):
    """Output file name -> (template, data)."""
    return {
        "product.html": (env.get_template("product.html"), load("products.json")),
        "fortunes.html": (env.get_template("fortunes.html"), fortunes()),
        "page.html": (env.get_template("page.html"), load("page.json")),
    }


def page_sources():
    """The sources parsed and compiled by the parse+compile workload: page.html and its base."""
    return [(name, (TEMPLATES / name).read_text(encoding="utf-8")) for name in ("page.html", "base.html")]
