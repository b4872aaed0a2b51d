#!/usr/bin/python3
"""Generates the Flagon.Jinja conformance fixtures by running real Jinja2.

Run from anywhere with the Debian Python that carries Jinja2 3.1.2:

    /usr/bin/python3 tests/Flagon.Jinja.Tests/Fixtures/generate.py

Every case is a template (named "main"), optional extra templates, a JSON context and
environment options; the script renders it with Jinja2 and records the output or the error.
The cases themselves live in cases_language.py (issue 2) and cases_library.py (issue 3).
"""

import json
import os
import sys
from collections import OrderedDict

import jinja2
import markupsafe
from jinja2 import (BaseLoader, ChainableUndefined, DebugUndefined, Environment,
                    StrictUndefined, TemplateNotFound, Undefined)
from jinja2.exceptions import TemplateSyntaxError

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

EXPECTED_JINJA = "3.1.2"

UNDEFINED_KINDS = {
    "default": Undefined,
    "strict": StrictUndefined,
    "chainable": ChainableUndefined,
    "debug": DebugUndefined,
}

EXTENSIONS = {"do": "jinja2.ext.do", "loopcontrols": "jinja2.ext.loopcontrols"}

# Options a case may set, with Jinja2's defaults; only values that differ are written.
DEFAULT_OPTIONS = {
    "autoescape": False,
    "trim_blocks": False,
    "lstrip_blocks": False,
    "keep_trailing_newline": False,
    "newline_sequence": "\n",
    "undefined": "default",
    "extensions": [],
    "line_statement_prefix": None,
    "line_comment_prefix": None,
    "block_start_string": "{%",
    "block_end_string": "%}",
    "variable_start_string": "{{",
    "variable_end_string": "}}",
    "comment_start_string": "{#",
    "comment_end_string": "#}",
    "policies": {},
}


class NamedLoader(BaseLoader):
    """A DictLoader that reports each template's name as its file name, so that the
    rewritten traceback of a runtime error tells which template and line failed."""

    def __init__(self, mapping):
        self.mapping = mapping

    def get_source(self, environment, template):
        if template in self.mapping:
            return self.mapping[template], template, lambda: True
        raise TemplateNotFound(template)

    def list_templates(self):
        return sorted(self.mapping)


def make_env(options, templates):
    kw = {}
    policies = {}
    for key, value in options.items():
        if key not in DEFAULT_OPTIONS:
            raise ValueError("unknown option " + key)
        if key == "policies":
            policies = value
        elif key == "undefined":
            kw["undefined"] = UNDEFINED_KINDS[value]
        elif key == "extensions":
            kw["extensions"] = [EXTENSIONS[e] for e in value]
        elif key == "autoescape" and isinstance(value, list):
            kw["autoescape"] = jinja2.select_autoescape(
                enabled_extensions=value, disabled_extensions=(), default_for_string=False,
                default=False)
        else:
            kw[key] = value
    env = Environment(loader=NamedLoader(templates), **kw)
    env.policies.update(policies)
    return env


def error_of(exc, names):
    kind = type(exc).__name__
    if isinstance(exc, jinja2.TemplateError):
        message = exc.message if exc.message is not None else ""
    else:
        message = str(exc)
    err = OrderedDict([("kind", kind), ("message", message)])
    if isinstance(exc, TemplateSyntaxError):
        if exc.lineno is not None:
            err["lineno"] = exc.lineno
        if exc.name is not None:
            err["name"] = exc.name
    else:
        # Runtime error: the innermost frame of template code (Jinja rewrites the traceback).
        tb = exc.__traceback__
        where = None
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename in names:
                where = (filename, tb.tb_lineno)
            tb = tb.tb_next
        if where is not None:
            err["lineno"] = where[1]
            err["name"] = where[0]
    return err


def run_case(case):
    templates = dict(case["templates"])
    templates["main"] = case["template"]
    # The context goes through JSON so Jinja2 sees exactly what the .NET runner will load.
    context = json.loads(json.dumps(case["context"]), object_pairs_hook=OrderedDict)
    context = to_plain(context)
    env = make_env(case["options"], templates)
    try:
        out = env.get_template("main").render(context)
        return out, None
    except Exception as exc:  # noqa: BLE001 - every failure is recorded as the expected error
        return None, error_of(exc, set(templates))


def to_plain(value):
    if isinstance(value, OrderedDict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return value


class Cases:
    """Collects cases per area (= fixture file)."""

    def __init__(self):
        self.areas = OrderedDict()
        self.names = set()
        self._area = None

    def area(self, name):
        self._area = name
        self.areas.setdefault(name, [])
        return self

    def __call__(self, what, template, context=None, templates=None, expect_error=None, **options):
        name = self._area + "/" + what
        if name in self.names:
            raise ValueError("duplicate case name " + name)
        self.names.add(name)
        case = OrderedDict([
            ("name", name),
            ("template", template),
            ("templates", templates or {}),
            ("context", context or {}),
            ("options", OrderedDict(sorted(
                (k, v) for k, v in options.items() if DEFAULT_OPTIONS.get(k, object()) != v))),
        ])
        out, err = run_case(case)
        if err is not None and " at 0x" in err["message"]:
            print("dropped: %s: error message depends on object identity" % name, file=sys.stderr)
            return
        if out is not None and (" at 0x" in out or "object at" in out):
            print("dropped: %s: output depends on object identity: %s" % (name, out), file=sys.stderr)
            return
        if expect_error is not None:
            got = err["kind"] if err else None
            if got != expect_error:
                # The recorded result is Jinja2's, whatever the author expected; flag the surprise.
                print("surprise: %s expected %s, got %r / %r" % (name, expect_error, err, out), file=sys.stderr)
        elif err is not None:
            # Not an error the case asked for: listed so the author can check it is intended.
            if os.environ.get("FIXTURES_VERBOSE") == "1":
                print("note: %s raised %s: %s" % (name, err["kind"], err["message"]), file=sys.stderr)
        case["expected"] = out
        case["error"] = err
        self.areas[self._area].append(case)


def main():
    if jinja2.__version__ != EXPECTED_JINJA:
        sys.exit("need Jinja2 %s, found %s (run with /usr/bin/python3)" % (EXPECTED_JINJA, jinja2.__version__))
    import cases_language
    import cases_library
    c = Cases()
    cases_language.add(c)
    cases_library.add(c)
    total = 0
    for area, cases in c.areas.items():
        path = os.path.join(HERE, area + ".json")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            json.dump(cases, f, ensure_ascii=False, indent=2)
            f.write("\n")
        total += len(cases)
        print("%-28s %4d" % (area + ".json", len(cases)))
    print("%-28s %4d (Jinja2 %s, MarkupSafe %s)" % ("total", total, jinja2.__version__, markupsafe.__version__))


if __name__ == "__main__":
    main()
