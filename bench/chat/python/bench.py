"""Times Python Jinja2 rendering bench/chat's chat templates with transformers' environment, and
writes bench/chat/expected/<template>.txt (the outputs every engine must reproduce).

    /usr/bin/python3 bench/chat/python/bench.py [--write-expected]

The environment is the one transformers' apply_chat_template compiles templates in
(ImmutableSandboxedEnvironment, trim_blocks, lstrip_blocks, loopcontrols, json.dumps tojson,
raise_exception, strftime_now on a fixed clock). Each template is compiled once (transformers
caches compiled templates); the timed call is template.render(**variables).
"""

import json
import os
import sys
import timeit
from datetime import datetime

import jinja2
import jinja2.ext
from jinja2.exceptions import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TEMPLATES = ["llama3-tools", "chatml-qwen", "mistral-tools"]


def make_env():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[jinja2.ext.loopcontrols])

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    def raise_exception(message):
        raise TemplateError(message)

    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime(2025, 7, 10, 12, 0, 0).strftime(fmt)
    return env


def main():
    with open(os.path.join(ROOT, "scenario.json"), encoding="utf-8") as f:
        variables = json.load(f)
    write = "--write-expected" in sys.argv
    print(f"Python {sys.version.split()[0]}, Jinja2 {jinja2.__version__}")
    for name in TEMPLATES:
        with open(os.path.join(ROOT, "templates", name + ".jinja"), encoding="utf-8", newline="") as f:
            template = make_env().from_string(f.read())
        out = template.render(**variables)
        path = os.path.join(ROOT, "expected", name + ".txt")
        if write:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(out)
        else:
            with open(path, encoding="utf-8", newline="") as f:
                assert f.read() == out, f"{name}: output differs from expected/{name}.txt"
        timer = timeit.Timer(lambda: template.render(**variables))
        n, _ = timer.autorange()
        best = min(timer.repeat(repeat=7, number=n)) / n
        print(f"{name:15} {len(out):6} chars  {best * 1e6:9.1f} us/render")


if __name__ == "__main__":
    main()
