#!/usr/bin/python3
"""Renders bench/templates/*.html with real Jinja2 (3.1) into bench/expected/*.html.

Every engine in the template benchmark must produce these bytes before it is timed.
Run with the interpreter that has Jinja2: /usr/bin/python3 bench/jinja2/render_expected.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import workloads  # noqa: E402


def main():
    out = workloads.BENCH / "expected"
    out.mkdir(exist_ok=True)
    env = workloads.environment()
    for name, (template, data) in workloads.renders(env).items():
        text = template.render(data)
        (out / name).write_bytes(text.encode("utf-8"))
        print(f"{name}: {len(text.encode('utf-8'))} bytes")


if __name__ == "__main__":
    main()
