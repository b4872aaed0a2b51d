#!/usr/bin/python3
"""Records Python 3.11's behaviour for Flagon.Jinja.Python's tests.

Run from the repository root:  /usr/bin/python3 tests/Flagon.Jinja.Tests/Python/Fixtures/generate.py
Writes one JSON file per area next to this script. Values are encoded so that nothing is ambiguous:
  null/true/false/JSON strings are None/bool/str; {"i": "123"} int; {"f": <int64 bits>} float;
  [..] list; {"tuple": [..]} tuple; {"dict": [[k, v], ..]} dict; {"markup": ".."} Markup.
A result is {"type": type name, "repr": repr(result)} or {"error": exception class, "msg": str(exc)}.
"""
import json
import math
import os
import random
import struct
import sys

import markupsafe
from markupsafe import Markup

HERE = os.path.dirname(os.path.abspath(__file__))


def enc(v):
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, int):
        limit = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)  # encoding only; the recorded behaviour keeps the default limit
        try:
            return {"i": str(v)}
        finally:
            sys.set_int_max_str_digits(limit)
    if isinstance(v, float):
        return {"f": struct.unpack("<q", struct.pack("<d", v))[0]}
    if isinstance(v, Markup):
        return {"markup": str(v)}
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return [enc(x) for x in v]
    if isinstance(v, tuple):
        return {"tuple": [enc(x) for x in v]}
    if isinstance(v, dict):
        return {"dict": [[enc(k), enc(x)] for k, x in v.items()]}
    raise TypeError(type(v))


def outcome(fn):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - every Python error is an expected outcome
        return {"error": type(e).__name__, "msg": str(e)}
    return {"type": type(r).__name__, "repr": repr(r)}


def write(name, cases):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c, ensure_ascii=True, separators=(",", ":")) for c in cases))
        f.write("\n]\n")
    print(name, len(cases))


# ---------------------------------------------------------------- operators
NUMBERS = [0, 1, -1, 3, -7, 2, 2**62, 2**63 - 1, -2**63, 2**64, -(2**70), 10**20,
           True, False,
           0.0, -0.0, 0.5, 1.5, -2.5, 0.1, 3.0, -7.0, 1e300, -1e-300, 1e16, 2.0**53,
           float("inf"), float("-inf"), float("nan")]
OTHERS = ["", "a", "ab", "é", "😀x", Markup("<b>"), Markup(""), None, [], [1, 2], [1, "a"], [2],
          (), (1,), (1, 2), (1, "a"), {}, {"a": 1}, {1: "x"}, "<i>"]
VALUES = NUMBERS + OTHERS
BINOPS = {
    "add": lambda a, b: a + b,
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "truediv": lambda a, b: a / b,
    "floordiv": lambda a, b: a // b,
    "mod": lambda a, b: a % b,
    "pow": lambda a, b: a ** b,
    "eq": lambda a, b: a == b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "contains": lambda a, b: b in a,
}
UNOPS = {
    "neg": lambda a: -a,
    "pos": lambda a: +a,
    "truth": lambda a: bool(a),
    "typename": lambda a: type(a).__name__,
    "str": lambda a: str(a),
    "repr": lambda a: repr(a),
}


def is_int(v):
    return isinstance(v, int)


def skip(op, a, b):
    if op == "pow" and is_int(a) and is_int(b) and abs(b) > 64 and abs(a) > 1:
        return True
    if op == "pow" and isinstance(a, (str, list, tuple, dict)) or op == "pow" and isinstance(b, (str, list, tuple, dict)):
        return False
    if op == "mul" and is_int(b) and not isinstance(a, (int, float)) and a is not None and abs(b) > 1000:
        return True
    if op == "mul" and is_int(a) and not isinstance(b, (int, float)) and b is not None and abs(a) > 1000:
        return True
    if op == "mod" and isinstance(a, str):
        return True  # string formatting has its own fixtures
    return False


def operators():
    cases = []
    for op, fn in BINOPS.items():
        for a in VALUES:
            for b in VALUES:
                if skip(op, a, b):
                    continue
                r = outcome(lambda: fn(a, b))
                if op == "pow" and (r.get("type") == "complex" or "complex" in r.get("msg", "")):
                    continue  # complex results are outside the value model
                cases.append({"op": op, "args": [enc(a), enc(b)], "result": r})
    for op, fn in UNOPS.items():
        for a in VALUES:
            cases.append({"op": op, "args": [enc(a)], "result": outcome(lambda: fn(a))})
    # big-int arithmetic
    rnd = random.Random(3)
    for _ in range(300):
        a = rnd.randint(-2**100, 2**100) >> rnd.randint(0, 100)
        b = rnd.randint(-2**100, 2**100) >> rnd.randint(0, 100)
        for op in ["add", "sub", "mul", "truediv", "floordiv", "mod", "lt", "eq"]:
            cases.append({"op": op, "args": [enc(a), enc(b)], "result": outcome(lambda: BINOPS[op](a, b))})
        f = rnd.uniform(-1e30, 1e30)
        for op in ["add", "truediv", "floordiv", "mod", "lt", "eq"]:
            cases.append({"op": op, "args": [enc(a), enc(f)], "result": outcome(lambda: BINOPS[op](a, f))})
            cases.append({"op": op, "args": [enc(f), enc(a)], "result": outcome(lambda: BINOPS[op](f, a))})
    for _ in range(300):
        a = rnd.uniform(-100, 100)
        b = rnd.choice([rnd.uniform(-10, 10), float(rnd.randint(-5, 5) or 1), rnd.randint(-9, 9) or 3])
        for op in ["floordiv", "mod", "pow"]:
            r = outcome(lambda: BINOPS[op](a, b))
            if r.get("type") == "complex" or "complex" in r.get("msg", ""):
                continue
            cases.append({"op": op, "args": [enc(a), enc(b)], "result": r})
    # nested structures
    nested = [[1, [2, (3, {"k": [None, True, 1.0]})]], {"a": (1,), "b": {"c": []}, 2: "x", None: "n"},
              ("it's", 'say "hi"', "both ' \"", "\\", "\t\n\r\x00\x7f\x80\xa0\u2028\U0001f600\ud7ff"),
              [Markup("<a href='x'>"), "\u0378", "\U000e0001", "\u00ad"], [1e22, 1e-7, 123456789.0, -0.0]]
    for v in nested:
        for op in ["str", "repr"]:
            cases.append({"op": op, "args": [enc(v)], "result": outcome(lambda: UNOPS[op](v))})
    write("operators.json", cases)


def floats():
    rnd = random.Random(7)
    vals = [0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e15, 1e16, 1e17, 123456789012345678.0, 1e-4, 1e-5, 0.00012345,
            1.5e-5, 9999999999999998.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
            100.0, 1e100, 1.0, 12.5, 2.675, 0.5, 1e22, 1e23, 4.35, 0.15, 1234.5678]
    for _ in range(1500):
        bits = rnd.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", bits))[0]
        if math.isfinite(x):
            vals.append(x)
    for _ in range(500):
        vals.append(rnd.uniform(-1e6, 1e6))
        vals.append(round(rnd.uniform(-1000, 1000), rnd.randint(0, 6)))
        vals.append(10.0 ** rnd.randint(-30, 30) * rnd.randint(1, 99))
    cases = [{"value": enc(v), "repr": repr(v)} for v in vals]
    write("floats.json", cases)


PCT_VALUES = [0, 1, -1, 255, -255, 2**70, -2**70, True, 0.0, -0.0, 1.5, -2.675, 2.675, 0.125, 1e16, 1e-5,
              123456.789, 1e100, float("inf"), float("-inf"), float("nan"), "abc", "\u00e9\U0001f600", "", None,
              [1], {"a": 1}, Markup("<b>"), "<i>", "'q'", 65, 0x1F600, 5e-324]


def percent():
    rnd = random.Random(11)
    cases = []

    def add(fmt, args, markup=False):
        f = Markup(fmt) if markup else fmt
        cases.append({"format": fmt, "markup": markup, "args": enc(args), "result": outcome(lambda: f % args)})

    for conv in "sradiuxXocFfeEgG%":
        specs = {""}
        while len(specs) < 16:
            flags = "".join(rnd.sample("-+ #0", rnd.randint(0, 2)))
            width = rnd.choice(["", "", "1", "8", "12"])
            prec = rnd.choice(["", "", ".0", ".1", ".3", ".12"])
            specs.add(flags + width + prec)
        for spec in sorted(specs):
            for v in PCT_VALUES:
                add("%" + spec + conv, (v,))
    # correctly rounded floats
    for _ in range(1500):
        x = rnd.choice([rnd.uniform(-1000, 1000), rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-30, 30),
                        round(rnd.uniform(-100, 100), rnd.randint(1, 4)), rnd.randint(1, 9999) / 8])
        conv = rnd.choice("feg")
        add("%." + str(rnd.randint(0, 20)) + conv, (x,))
    # argument rules, keys, stars, errors
    for fmt, args in [("%s", 1), ("%s", (1,)), ("%s", ()), ("%s %s", (1,)), ("%s", (1, 2)), ("abc", 5), ("abc", ()),
                      ("abc", [1]), ("abc", {"a": 1}), ("%s", [1, 2]), ("%s", {"a": 1}), ("%s", (1, 2)),
                      ("%(a)s and %(b)r", {"a": "x", "b": "y"}), ("%(a)s", {"b": 1}), ("%(a)s", (1,)), ("%(a)s", [1]),
                      ("%(a)s %s", {"a": 1}), ("%(a)d%%", {"a": 5.9}), ("%(x(y))s", {"x(y)": 2}), ("%(a", {"a": 1}),
                      ("%*d|", (5, 3)), ("%-*d|", (5, 3)), ("%*d|", (-5, 3)), ("%.*f", (2, 3.14159)), ("%*.*f", (8, 3, 2.5)),
                      ("%*d", ("a", 1)), ("%", ()), ("%5", (1,)), ("%z", (1,)), ("%\u00e9", (1,)), ("a%", ()),
                      ("%d", ("1",)), ("%x", (1.5,)), ("%f", ("x",)), ("%c", ("ab",)), ("%c", (-1,)), ("%c", (0x110000,)),
                      ("%c", (1.5,)), ("%d", (float("inf"),)), ("%d", (float("nan"),)), ("%i", (None,)), ("%e", (None,)),
                      ("%5.2s|", ("abcdef",)), ("%.1s", ("\U0001f600x",)), ("%5s|", ("\U0001f600",)), ("%ld %hd %Lf", (1, 2, 3.0)),
                      ("%#o %#x %#X", (8, 255, 255)), ("%+05d|%-5d|% d", (42, 42, 42)), ("%#.0f %#.0e %#g %g", (2.0, 2.0, 2.0, 2.0)),
                      ("%010.3f|%-10.3e|%+g", (-3.14159, 31415.9, 1e-5)), ("%.3g %.3g %.3g %g %g", (1234567, 0.0001234, 100, 1e16, 123456789)),
                      ("%s", (Markup("<x>"),)), ("%r", ("it's",)), ("%a", ("\u00e9",))]:
        add(fmt, args)
    for fmt, args in [("<p>%s</p>", "<x>"), ("%s", (Markup("<b>"),)), ("%s %r", ("<a>", "<b>")), ("%(a)s", {"a": "<"}),
                      ("%d", ("12",)), ("%d", (3,)), ("%.2f", (2.675,)), ("%s", [1, "<"]), ("%s", {"a": "<"}), ("%a", ("\u00e9<",)),
                      ("%x", (255,)), ("%5s|", ("&",)), ("%c", ("a",)), ("%s", None), ("%s|%s", (1, None)), ("%f", ("1.5",)),
                      ("%d", ("x",)), ("%d", (None,))]:
        add(fmt, args, markup=True)
    write("percent.json", cases)


FMT_VALUES = [0, 1, -1, 42, -42, 255, 1234567, -1234567, 2**70, True, False, 0.0, -0.0, 1.0, -1.5, 2.675, 0.125,
              1234567.891, 1e16, 1e-5, 123.456e-10, 1e100, float("inf"), float("-inf"), float("nan"), -0.0001,
              "abc", "", "\u00e9\U0001f600", None, [1], 65]  # Markup keeps its type when unchanged: not modelled


def format_spec():
    rnd = random.Random(5)
    cases = []
    specs = {"", "s", "d", "x", "X", "o", "b", "c", "n", "e", "E", "f", "F", "g", "G", "%", ",", "_", ",d", "_x", ">10",
             "<10", "^10", "=10", "*^9", "010", "+", " ", "#x", "#o", "#b", ".3", ".0", ".3f", ".2%", "010,", "08,", "09,",
             "012_x", "z.1f", "z", "z.2e", "#.0f", "#g", "#.3g", "#", ",.2f", "0=8", "0<8", "x<5", "\U0001f600>5", ".0e",
             "10.3", "-.3", ".17", ".100f", "..3", ",_", "_,", "5.2s", "0>10.2f", "+,", "a", "q", "dd", ".e", "#c", "+c"}
    while len(specs) < 400:
        fill_align = rnd.choice(["", "", "<", ">", "^", "=", "*<", "0=", "-^"])
        sign = rnd.choice(["", "", "+", "-", " "])
        z = rnd.choice(["", "", "", "z"])
        alt = rnd.choice(["", "", "#"])
        zero = rnd.choice(["", "", "0"])
        width = rnd.choice(["", "", "1", "7", "12"])
        group = rnd.choice(["", "", "", ",", "_"])
        prec = rnd.choice(["", "", ".0", ".2", ".5", ".12"])
        typ = rnd.choice(["", "", "s", "d", "x", "X", "o", "b", "c", "n", "e", "E", "f", "F", "g", "G", "%"])
        specs.add(fill_align + sign + z + alt + zero + width + group + prec + typ)
    for spec in sorted(specs):
        for v in FMT_VALUES:
            cases.append({"value": enc(v), "spec": spec, "result": outcome(lambda: format(v, spec))})
    for _ in range(1000):
        x = rnd.choice([rnd.uniform(-1000, 1000), rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-30, 30), rnd.randint(1, 9999) / 8])
        spec = "." + str(rnd.randint(0, 18)) + rnd.choice(["e", "f", "g", "", "%"])
        cases.append({"value": enc(x), "spec": spec, "result": outcome(lambda: format(x, spec))})
    write("format_spec.json", cases)


def str_format():
    cases = []

    def add(fmt, args=(), kwargs=None, markup=False):
        kwargs = kwargs or {}
        f = Markup(fmt) if markup else fmt
        cases.append({"format": fmt, "markup": markup, "args": enc(list(args)), "kwargs": enc(kwargs),
                      "result": outcome(lambda: f.format(*args, **kwargs))})

    for fmt, args, kwargs in [
        ("{}", (1,), None), ("{} {}", (1, "a"), None), ("{0} {0} {1}", ("x", "y"), None), ("{1}{0}", (1, 2), None),
        ("{a}-{b}", (), {"a": 1, "b": 2.5}), ("{} {1}", (1, 2), None), ("{0} {}", (1, 2), None), ("{}", (), None),
        ("{2}", (1,), None), ("{x}", (), None), ("{{}} {{{0}}}", (5,), None), ("}", (), None), ("{", (), None),
        ("a}b", (), None), ("{0", (1,), None), ("{0!r} {0!s} {0!a}", ("\u00e9'",), None), ("{0!x}", (1,), None),
        ("{0!}", (1,), None), ("{0!rr}", (1,), None), ("{0[a]} {0[b][1]}", ({"a": 1, "b": [5, 6]},), None),
        ("{0[0]}", ([7],), None), ("{0[5]}", ([7],), None), ("{0[x]}", ({},), None), ("{0[}", ({},), None),
        ("{0[a]x}", ({"a": 1},), None), ("{0.}", (1,), None), ("{:{}}", ("x", 5), None), ("{:{w}.{p}f}", (3.14159,), {"w": 10, "p": 2}),
        ("{0:{1}}", (42, "05d"), None), ("{:{}{}}", (1, ">", 4), None), ("{0:{1:{2}}}", (1, 2, 3), None),
        ("{:>{}}", ("a",), None), ("{:d}", ("a",), None), ("{:s}", (1,), None), ("{:,}", (1234567,), None),
        ("{:x}", (1.5,), None), ("{} {}", ([1, "a"], (1,)), None), ("{}", (None,), None), ("{:5}", (None,), None),
        ("{}", ({"k": "v"},), None), ("{:%}", (0.25,), None), ("{0:}", (1.5,), None), ("{!r:>10}", ("a",), None),
        ("{:}", (Markup("<b>"),), None), ("{}|{}", (True, 1.0), None), ("{:>5}", (True,), None), ("{:d}", (True,), None),
        ("{0[0]}{0[1]}", ("ab",), None), ("{: }", (5,), None), ("{:=^+9.2f}", (-3.14159,), None),
    ]:
        add(fmt, args, kwargs)
    for fmt, args, kwargs in [
        ("<p>{}</p>", ("<x>",), None), ("{}", (Markup("<b>"),), None), ("{0!r}", ("<a>",), None), ("{a}", (), {"a": "&"}),
        ("{:>5}", ("<",), None), ("{:5}", (Markup("<b>"),), None), ("{}", (5,), None), ("{3}", (1,), None),
        ("{:<{}}", ("<", 3), None), ("{!s}", (Markup("<i>"),), None), ("{}", ([Markup("<a>")],), None),
    ]:
        add(fmt, args, kwargs, markup=True)
    write("str_format.json", cases)


STRINGS = ["", "hello world", "  Hello  World \t\n", "straße", "ǆemal ǈubljana", "ΟΔΟΣ ΣΑΣ Σ", "ﬁnance", "İstanbul",
           "a,b,,c", "one\ntwo\r\nthree\rfour\x0bfive\x1c\u2028six\n", "x\ty\tz", "😀ab😀", "123", "١٢٣", "½",
           "²", "Hello_World9", "9abc", "they're bill's friends", "ABC def", "\u1680\u2000 a \x1f", "-42", "+7",
           "ß", "ŉ", "ǰ", "ΐ", "\u0345", "aΣ", "aΣb", "Σ", "a.Σ", "'Σ", "AΣ'x"]
STR_CALLS = [
    ("upper", [], {}), ("lower", [], {}), ("title", [], {}), ("capitalize", [], {}), ("swapcase", [], {}),
    ("casefold", [], {}), ("strip", [], {}), ("strip", ["h d"], {}), ("lstrip", [], {}), ("rstrip", ["\n\t "], {}),
    ("strip", [None], {}), ("split", [], {}), ("split", [","], {}), ("split", [None, 1], {}), ("split", [","], {"maxsplit": 1}),
    ("split", [], {"sep": "o"}), ("split", [""], {}), ("rsplit", [], {}), ("rsplit", [None, 1], {}), ("rsplit", [",", 1], {}),
    ("rsplit", ["o", 0], {}), ("splitlines", [], {}), ("splitlines", [True], {}), ("splitlines", [], {"keepends": True}),
    ("startswith", ["he"], {}), ("startswith", [("x", "he")], {}), ("startswith", ["llo", 2], {}), ("startswith", ["", 50], {}),
    ("endswith", ["d"], {}), ("endswith", ["wor", 0, -2], {}), ("endswith", [("ab", "😀")], {}), ("startswith", [1], {}),
    ("replace", ["l", "L"], {}), ("replace", ["l", "L", 1], {}), ("replace", ["", "-"], {}), ("replace", ["", "-", 2], {}),
    ("replace", ["Σ", "s"], {}), ("find", ["o"], {}), ("find", ["o", 5], {}), ("find", ["b"], {}), ("find", ["", 3], {}),
    ("find", ["", 99], {}), ("rfind", ["o"], {}), ("rfind", ["😀"], {}), ("rfind", [""], {}), ("index", ["o"], {}), ("index", ["zz"], {}),
    ("rindex", ["l"], {}), ("count", ["l"], {}), ("count", [""], {}), ("count", ["o", 0, 5], {}), ("count", ["", 2, 1], {}),
    ("find", ["a", -3, None], {}), ("join", [["x", "y", "z"]], {}), ("join", ["abc"], {}), ("join", [[1, 2]], {}),
    ("zfill", [6], {}), ("zfill", [0], {}), ("center", [13], {}), ("center", [12, "*"], {}), ("center", [4, "ab"], {}),
    ("ljust", [14, "."], {}), ("rjust", [14, "😀"], {}), ("center", ["x"], {}), ("isdigit", [], {}), ("isalpha", [], {}),
    ("isalnum", [], {}), ("isspace", [], {}), ("islower", [], {}), ("isupper", [], {}), ("istitle", [], {}),
    ("isdecimal", [], {}), ("isnumeric", [], {}), ("isidentifier", [], {}), ("isprintable", [], {}), ("isascii", [], {}),
    ("partition", [" "], {}), ("rpartition", [" "], {}), ("partition", ["zz"], {}), ("rpartition", ["zz"], {}),
    ("partition", [""], {}), ("removeprefix", ["he"], {}), ("removesuffix", ["ld"], {}), ("removesuffix", [""], {}),
    ("expandtabs", [], {}), ("expandtabs", [4], {}), ("expandtabs", [], {"tabsize": 0}), ("format", [], {}),
    ("upper", [1], {}), ("strip", [1], {}), ("split", [1], {}), ("replace", [1, "b"], {}),
]
LIST_CALLS = [
    ("append", [4], {}), ("extend", [[5, 6]], {}), ("extend", ["ab"], {}), ("extend", [{"k": 1}], {}), ("insert", [0, "x"], {}),
    ("insert", [-1, "y"], {}), ("insert", [99, "z"], {}), ("pop", [], {}), ("pop", [0], {}), ("pop", [-2], {}), ("pop", [10], {}),
    ("remove", [2], {}), ("remove", [99], {}), ("index", [3], {}), ("index", [99], {}), ("index", [1, 1], {}), ("count", [1], {}),
    ("count", [1.0], {}), ("reverse", [], {}), ("sort", [], {}), ("sort", [], {"reverse": True}), ("copy", [], {}),
    ("clear", [], {}), ("append", [], {}), ("sort", [1], {}),
]
LISTS = [[3, 1, 2, 1], [], ["b", "A", "a", "B"], [1, "a"], [2.5, 1, True, 0], [[2, 1], [1, 2], [1]], [(1, "b"), (1, "a")]]
DICT_CALLS = [
    ("items", [], {}), ("keys", [], {}), ("values", [], {}), ("get", ["a"], {}), ("get", ["zz"], {}), ("get", ["zz", 0], {}),
    ("get", [1], {}), ("get", [True], {}), ("update", [{"a": 9, "n": 1}], {}), ("update", [[("p", 1), ["q", 2]]], {}),
    ("update", [], {"kw": 3}), ("update", [["ab"]], {}), ("update", [[1]], {}), ("update", [[(1, 2, 3)]], {}),
    ("pop", ["a"], {}), ("pop", ["zz"], {}), ("pop", ["zz", "d"], {}), ("popitem", [], {}), ("setdefault", ["a", 5], {}),
    ("setdefault", ["new", 5], {}), ("setdefault", ["n2"], {}), ("copy", [], {}), ("clear", [], {}), ("get", [[1]], {}),
    ("get", [None], {}), ("pop", [None], {}), ("setdefault", [None, 7], {}), ("update", [[(None, 3)]], {}),
]
DICTS = [{"a": 1, "b": [2]}, {}, {1: "one", 2.5: "x", "s": None, None: 0}]


def methods():
    cases = []

    def add(target, name, args, kwargs):
        import copy
        t = copy.deepcopy(target)
        res = outcome(lambda: getattr(t, name)(*args, **kwargs))
        cases.append({"target": enc(target), "method": name, "args": enc(list(args)), "kwargs": enc(kwargs),
                      "result": res, "after": repr(t)})

    for s_ in STRINGS:
        for name, args, kwargs in STR_CALLS:
            add(s_, name, args, kwargs)
    for m in [Markup("<b>Hi</b> &amp; you"), Markup("a<br>b"), Markup("")]:
        for name, args, kwargs in [("upper", [], {}), ("replace", ["<", "["], {}), ("replace", ["b", "<i>"], {}),
                                   ("split", ["<br>"], {}), ("split", [], {}), ("join", [["<x>", Markup("<y>"), 1]], {}),
                                   ("strip", ["<"], {}), ("center", [20, "-"], {}), ("partition", ["<br>"], {}),
                                   ("format", [], {}), ("striptags", [], {}), ("unescape", [], {}), ("find", ["<"], {}),
                                   ("startswith", ["<b>"], {}), ("title", [], {}), ("zfill", [30], {}), ("casefold", [], {}),
                                   ("splitlines", [], {}), ("count", ["b"], {}), ("ljust", [22, "<"], {})]:
            add(m, name, args, kwargs)
    for l in LISTS:
        for name, args, kwargs in LIST_CALLS:
            add(l, name, args, kwargs)
    for t in [(1, 2, 1), ()]:
        for name, args, kwargs in [("index", [1], {}), ("index", [5], {}), ("count", [1], {}), ("index", [1, 1], {})]:
            add(t, name, args, kwargs)
    for d in DICTS:
        for name, args, kwargs in DICT_CALLS:
            add(d, name, args, kwargs)
    write("methods.json", cases)


def json_cases():
    import jinja2.utils
    cases = []
    texts = ['{"b": 1, "a": [1, 2.5, -0.0, 1e400, -1e400, 12345678901234567890123, -1E-7, 0.1], "b": true}',
             '[null, true, false, "x\\u00e9\\ud83d\\ude00\\n\\"", "\\ud800", NaN, Infinity, -Infinity, {}]',
             ' \t\n[ 1 , 2 ] \r', '"\u00e9"', '1', '-0', '1.0', '1e5', '1E+2', '-', '01', '1.', '.5', '[1,]', '{"a":1,}',
             '{"a" 1}', "{'a': 1}", '{"a": 1', '[1 2]', '"abc', '"a\\x"', '"a\\u12"', '"a\tb"', '', ' ', 'nul', 'true false',
             '[' * 5 + ']' * 5, '{"\u00e9": "\U0001f600", "k": "line\nbreak"}', '{"a": {"b": {"c": [1, {"d": null}]}}}',
             '123456789012345678901234567890', '-9223372036854775809', '9223372036854775807', '1e-400', '[1.5e300, 2e-5]',
             '"\U0001f600 bad \\u"', '\n\n  {"x": 1 x', '[NaN1]', '{"a":1}{}']
    for t in texts:
        cases.append({"kind": "loads", "text": t, "result": outcome(lambda: json.loads(t))})
    values = [None, True, 1, -2**70, 1.0, 0.1, 1e16, float("nan"), float("inf"), -float("inf"), "x", "é😀\x7f\x00\x1f\"\\/<>&'",
              [], {}, [1, [2, []], {}], (1, 2), {"b": 1, "a": [1, {"z": None, "y": 2.5}]}, {1: "i", 2.5: "f", True: "t", None: "n", "s": "s"},
              {"k": (1,)}, Markup("<b>"), [Markup("<i>")], {"<": ">", "&": "'"}, {2: 1, "1": 2}, {(1,): 1}]
    opts = [dict(), dict(sort_keys=True), dict(indent=2), dict(indent=0), dict(indent="\t"), dict(indent=""), dict(indent=-1),
            dict(separators=(",", ":")), dict(ensure_ascii=False), dict(indent=2, sort_keys=True, separators=(", ", " = "))]
    for v in values:
        for o in opts:
            def run():
                return json.dumps(v, **o)
            cases.append({"kind": "dumps", "value": enc(v), "options": {k: (list(x) if isinstance(x, tuple) else x) for k, x in o.items()},
                          "result": outcome(run)})
        for ind in [None, 2]:
            cases.append({"kind": "tojson", "value": enc(v), "options": {"indent": ind},
                          "result": outcome(lambda: jinja2.utils.htmlsafe_json_dumps(v, indent=ind, sort_keys=True))})  # as |tojson calls it
    write("json.json", cases)


def conversions():
    rnd = random.Random(9)
    cases = []

    def add(op, args, fn):
        cases.append({"op": op, "args": enc(list(args)), "result": outcome(fn)})

    for v in ["42", " -17 ", "+5", "1_000", "1__0", "_1", "1_", "0x1f", "0b101", "0o17", "010", "000", "0_0", "1.5", "", "abc",
              "\u0661\u0662", "\u00b2", "9" * 30, " \u2003 12 \n", 3.99, -3.99, True, None, [1], float("inf"), float("nan"), 2**70, "\t"]:
        add("int", [v], lambda: int(v))
    for v, b in [("ff", 16), ("0xff", 16), ("0xff", 0), ("0b11", 0), ("11", 2), ("12", 2), ("z", 36), ("010", 0), ("0", 0),
                 ("0x_f", 16), ("0x__f", 16), ("7", 1), ("7", 37), (7, 10), ("  -0o7_7 ", 0), ("ZZ", 36)]:
        add("int_base", [v, b], lambda: int(v, b))
    for v in ["1.5", " -2.5e3 ", "inf", "-Infinity", "NaN", "+nan", "1_000.5", "1__0", "1e", ".5", "5.", "abc", "", "\u0661.\u0665",
              "0x10", "1e400", 3, True, None, 2**70, "--1", "1.5e-400", "infinityx"]:
        add("float", [v], lambda: float(v))
    for v in [2.5, 3.5, -2.5, 0.5, 1.5, 2.675, 42, -42, 1e300, 0.125, -0.4, float("inf"), float("nan"), 123456.789, 2**70]:
        for nd in [None, 0, 1, 2, -1, -2, 5]:
            if nd is None:
                add("round", [v], lambda: round(v))
            else:
                add("round", [v, nd], lambda: round(v, nd))
    for _ in range(400):
        x = rnd.choice([rnd.uniform(-1000, 1000), rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-10, 10), rnd.randint(-9999, 9999) / 1000])
        nd = rnd.randint(-3, 8)
        add("round", [x, nd], lambda: round(x, nd))
    seqs = ["", "hello", "a😀b😀c", Markup("<b>x</b>"), [], [1, 2, 3, 4, 5], (1, 2, 3), ("a",)]
    for sq in seqs:
        add("len", [sq], lambda: len(sq))
        for i in [0, 1, -1, -2, 3, 10, -10]:
            add("getitem", [sq, i], lambda: sq[i])
        for sl in [(None, None, None), (1, None, None), (None, -1, None), (1, 3, None), (None, None, -1), (None, None, 2),
                   (-2, None, None), (10, None, None), (None, None, -2), (3, 0, -1), (-10, 10, 3), (0, 0, 0), (4, 1, None)]:
            add("slice", [sq] + list(sl), lambda: sq[sl[0]:sl[1]:sl[2]])
    for sq, key in [("abc", "x"), ([1], "x"), ((1,), 1.5)]:
        add("getitem", [sq, key], lambda: sq[key])
    add("len", [5], lambda: len(5))
    for big in [10**4299, 10**4300, -10**4300, 2**14000]:
        add("str", [big], lambda: str(big)[:20])
        add("percent_d", [big], lambda: ("%d" % big)[:20])
        add("format_comma", [big], lambda: format(big, ",")[:20])
        add("format_x", [big], lambda: format(big, "x")[:20])
    add("len", [{"a": 1}], lambda: len({"a": 1}))
    add("sorted", [["b", "a", "C"]], lambda: sorted(["b", "a", "C"]))
    add("sorted_lower", [["b", "a", "C", "A"]], lambda: sorted(["b", "a", "C", "A"], key=str.lower))
    add("sorted_lower_rev", [["b", "a", "C", "A"]], lambda: sorted(["b", "a", "C", "A"], key=str.lower, reverse=True))
    add("sorted", [[3, 1.5, True, 2]], lambda: sorted([3, 1.5, True, 2]))
    add("sorted", [[1, "a"]], lambda: sorted([1, "a"]))
    add("sorted", [["a", 1]], lambda: sorted(["a", 1]))
    write("conversions.json", cases)


UNICODE_POOL = ("aAzZ09 _-.,'\"\t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2028\u3000"
                "ßẞŉǰΐΰﬀﬁﬃﬅﬓİıſǅǄǆǈǉǊǲΣσςΑαΩωΆάᾼᾳῼ\u0345\u0301\u0308\u00ad\u200d"
                "ÀàÉéÑñØøÆæŒœÞþĳĲ\u0130\u0131ꭰᏸᏰꙋ\U00010400\U00010428\U0001e900\U0001e922"
                "١٢٣۴५৬๗²³¹½¼Ⅻⅻ①\u3007\u4e00\u00aa\u00ba\u02b0\u1d2c\u2071\u2160"
                "😀🎉\U0001f1fa\U0001f1f8\u0378\ue000\uffff\u00b5\u01c5\u1e9e\u1f80\u1f88\u1fb3\u1fbc")
UNICODE_CALLS = ["upper", "lower", "title", "capitalize", "swapcase", "casefold", "isalpha", "isdigit", "isdecimal", "isnumeric",
                 "isalnum", "isspace", "islower", "isupper", "istitle", "isidentifier", "isprintable", "split", "strip",
                 "splitlines", "repr", "len"]


def unicode_strings():
    rnd = random.Random(13)
    cases = []
    for n in range(600):
        length = rnd.randint(0, 12)
        text = "".join(rnd.choice(UNICODE_POOL) for _ in range(length))
        if n % 3 == 0:
            text = " ".join(text.split(" ")[:3]).title() if n % 2 else text
        results = {}
        for name in UNICODE_CALLS:
            if name == "repr":
                results[name] = outcome(lambda: repr(text))
            elif name == "len":
                results[name] = outcome(lambda: len(text))
            else:
                results[name] = outcome(lambda: getattr(text, name)())
        cases.append({"text": text, "results": results})
    write("unicode_strings.json", cases)


def html_cases():
    import html
    texts = ["plain", "&amp; &lt;b&gt; &quot;q&quot; &#39;s&#39;", "&amp &lt &copy2024 &notit; &notin; &NotEqualTilde;",
             "&#65;&#x42;&#X43;&#0;&#128;&#150;&#x110000;&#xD800;&#1;&#11;&#127;&#65535;&#99999999999;", "&#;&#x;&;&",
             "&nbsp;x&nbsp y&hellip;&mdash;&rarr;&Rarr;&fjlig;", "&" + "a" * 40 + ";", "&amp;amp;", "a & b &c d",
             "<p>Hello <b>World</b></p>", "<!-- c --><p class='x'>A\n  B</p>\t<br/>C &amp; D", "<a href=\"x\">l<i>ink</i></a> &lt;tag&gt;",
             "x<!--\nmulti\n-->y", "<<b>>", "a <b c", "&AElig;&AEligx&aelig&Aacute;", "&#x1F600;&#128512;", "&ThickSpace;&NewLine;"]
    cases = []
    for t in texts:
        cases.append({"op": "unescape", "text": t, "result": outcome(lambda: html.unescape(t))})
        cases.append({"op": "markup_unescape", "text": t, "result": outcome(lambda: Markup(t).unescape())})
        cases.append({"op": "striptags", "text": t, "result": outcome(lambda: Markup(t).striptags())})
    write("html.json", cases)


def pprint_cases():
    import pprint
    rnd = random.Random(17)
    words = ["alpha", "beta", "gamma", "delta", "épsilon", "zeta 😀", "it's", "a\nb", "x" * 30, "long value " * 12]

    def make(depth):
        kind = rnd.random()
        if depth <= 0 or kind < 0.3:
            return rnd.choice([rnd.randint(-5000, 5000), rnd.random() * 100, rnd.choice(words), None, True, Markup("<b>")])
        n = rnd.randint(0, 7)
        if kind < 0.55:
            return [make(depth - 1) for _ in range(n)]
        if kind < 0.7:
            return tuple(make(depth - 1) for _ in range(n))
        return {rnd.choice(words[:6] + [str(i) for i in range(9)]): make(depth - 1) for _ in range(n)}

    values = [None, 1, "short", "word " * 40, "line one\nline two " * 10, "x" * 200, [], {}, (1,), list(range(40)),
              {"b": 1, "a": [1, 2], "c": {"z": "y" * 90}}, {2: "a", "1": "b", None: 0}, [("a" * 70, 1), ("b", [2] * 30)],
              {"key": "word " * 30}]
    for _ in range(150):
        values.append(make(4))
    cases = [{"value": enc(v), "result": outcome(lambda: pprint.pformat(v))} for v in values]
    write("pprint.json", cases)


def datetimes():
    import datetime as dt
    cases = []

    def add(kind, parts, v):
        cases.append({"kind": kind, "parts": parts, "str": str(v), "repr": repr(v), "type": type(v).__name__})

    for parts in [[2024, 1, 2, 3, 4, 5, 0], [2024, 1, 2, 3, 4, 5, 120], [2024, 1, 2, 0, 0, 0, 0], [2024, 1, 2, 0, 0, 7, 0],
                  [999, 12, 31, 23, 59, 59, 999999]]:
        add("datetime", parts, dt.datetime(*parts))
    for parts in [[2024, 1, 2, 3, 4, 5, 0, 0], [2024, 1, 2, 3, 4, 5, 0, -330], [2024, 6, 1, 0, 0, 0, 5, 120]]:
        tz = dt.timezone.utc if parts[7] == 0 else dt.timezone(dt.timedelta(minutes=parts[7]))
        add("datetimeoffset", parts, dt.datetime(*parts[:7], tzinfo=tz))
    for parts in [[2024, 1, 2], [1, 1, 1]]:
        add("date", parts, dt.date(*parts))
    for parts in [[3, 4, 5, 0], [3, 4, 0, 0], [3, 4, 5, 7], [0, 0, 0, 0]]:
        add("time", parts, dt.time(*parts))
    for us in [0, 1, -1, 86400 * 10**6 + 3661 * 10**6, -86400 * 3 * 10**6 + 5 * 3600 * 10**6, 2 * 86400 * 10**6 + 5, 59 * 10**6,
               -10**12 - 7]:
        add("timedelta", [us], dt.timedelta(microseconds=us))
    write("datetimes.json", cases)


if __name__ == "__main__":
    which = sys.argv[1:] or ["operators", "floats", "percent", "format_spec", "str_format", "methods", "json_cases", "conversions",
                             "unicode_strings", "html_cases", "pprint_cases", "datetimes"]
    for name in which:
        globals()[name]()
