#!/usr/bin/python3
"""Writes src/Flagon.Jinja/Python/UnicodeNames.txt.gz: the character names Python accepts in "\\N{...}".

Run with the Debian Python whose unicodedata the engine follows (3.11.2, Unicode 14.0.0):

    /usr/bin/python3 tests/Flagon.Jinja.Tests/Python/Fixtures/generate_unicode_names.py

Every name unicodedata.name() gives, except the algorithmic ones the engine computes itself
(HANGUL SYLLABLE ..., CJK UNIFIED IDEOGRAPH-XXXX), plus the formal name aliases: Python keeps
them private, so the candidates come from Perl's copy of the same Unicode version (Name.pl) and
only those that Python's own "\\N{...}" decoding accepts are kept. Each line is
"HEX NAME" (code points ascending, then the aliases). Gzip with a fixed timestamp keeps the
file byte-identical between runs.
"""

import gzip
import io
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "Flagon.Jinja", "Python", "UnicodeNames.txt.gz")
PERL_NAMES = "/usr/share/perl/5.36.0/unicore/Name.pl"


def python_lookup(name):
    try:
        value = ("\\N{%s}" % name).encode("ascii").decode("unicode-escape")
    except UnicodeDecodeError:
        return None
    return ord(value) if len(value) == 1 else None


def algorithmic(name):
    return name.startswith("HANGUL SYLLABLE ") or name.startswith("CJK UNIFIED IDEOGRAPH-")


def main():
    if unicodedata.unidata_version != "14.0.0":
        sys.exit("need Unicode 14.0.0 (Python 3.11), found " + unicodedata.unidata_version)
    lines = []
    names = {}
    for cp in range(sys.maxunicode + 1):
        name = unicodedata.name(chr(cp), None)
        if name is None or algorithmic(name):
            continue
        assert python_lookup(name) == cp, name
        names[name] = cp
        lines.append("%X %s" % (cp, name))
    aliases = 0
    with open(PERL_NAMES, encoding="utf-8") as f:
        text = f.read()
    for m in re.finditer(r"^([0-9A-F]{5,6})\n([^\n]+)\n", text, re.M):
        cp, name = int(m.group(1), 16), m.group(2)
        if name in names or algorithmic(name):
            continue
        if python_lookup(name) == cp:
            names[name] = cp
            lines.append("%X %s" % (cp, name))
            aliases += 1
    raw = ("\n".join(lines) + "\n").encode("ascii")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(raw)
    with open(OUT, "wb") as f:
        f.write(buf.getvalue())
    print("%d names (%d aliases), %d bytes raw, %d gzipped -> %s" % (len(lines), aliases, len(raw), len(buf.getvalue()), OUT))


if __name__ == "__main__":
    main()
