"""Sandbox cases (issue 3): Jinja2's SandboxedEnvironment and ImmutableSandboxedEnvironment.

Only Python-side behaviour is recorded here (the context is JSON); the .NET-specific refusals
(reflection, delegates, files, processes…) are tested in ../Sandbox/*.cs. Left out on purpose,
because Flagon deliberately differs (see docs/jinja/sandbox.md): huge `*`/`**` results (Jinja2
computes them, Flagon refuses them) and `list.pop`/`list.clear` under the immutable sandbox
(Jinja2 3.1 lets them through, Flagon refuses every mutating method).
"""
# flake8: noqa: E501

S = {"sandbox": "sandboxed"}
I = {"sandbox": "immutable"}
STRICT = {"sandbox": "sandboxed", "undefined": "strict"}
DEBUG = {"sandbox": "sandboxed", "undefined": "debug"}
CHAIN = {"sandbox": "sandboxed", "undefined": "chainable"}
ERR = "expect_error"


def add(c):
    sandbox(c)
    sandbox_immutable(c)


def many(c, rows):
    for row in rows:
        what, tpl = row[0], row[1]
        ctx = row[2] if len(row) > 2 else None
        opts = dict(row[3]) if len(row) > 3 else dict(S)
        c(what, tpl, ctx, **opts)


DATA = {"user": {"name": "Ann", "tags": ["a", "b"], "_private": "p"}, "items": [3, 1, 2], "n": 7, "s": "Hello"}


def sandbox(c):
    c.area("sandbox")
    many(c, [
        # Reading data works as in the plain environment.
        ("read-attr", "{{ user.name }} {{ user['name'] }} {{ user.tags|join(',') }}", DATA),
        ("read-methods", "{{ s.upper() }} {{ s.split('l') }} {{ user.items()|list }} {{ items.index(1) }}", DATA),
        ("read-filters", "{{ items|sort|join }} {{ user|dictsort }} {{ items|map('string')|join('-') }}", DATA),
        ("read-format", "{{ '{0} {1:>4}'.format(s, n) }} {{ '{x[name]}'.format(x=user) }} {{ '%s/%d' % (s, n) }}", DATA),
        ("read-format-map", "{{ '{name}!'.format_map(user) }}", DATA),
        ("read-format-attr", "{{ '{0.upper}'.format(s)[:5] }}", DATA),
        ("read-underscore-key-item", "{{ user['_private'] }}", DATA),
        ("read-underscore-key-attr", "{{ user._private }}", DATA),
        ("read-loop", "{% for i in items %}{{ loop.index }}{{ loop.cycle('a', 'b') }}{% endfor %}", DATA),
        ("read-namespace", "{% set ns = namespace(a=1) %}{% set ns.a = ns.a + 1 %}{{ ns.a }}", DATA),
        ("read-macro", "{% macro m(x) %}[{{ x }}]{% endmacro %}{{ m(1) }}{{ m.name }}", DATA),
        ("small-products", "{{ 'ab' * 3 }} {{ [1] * 3 }} {{ 3 * 'x' }} {{ 2 ** 10 }} {{ 7 * 6 }}", DATA),
        ("list-append-allowed", "{% set l = [1] %}{{ l.append(2) }}{{ l }}", DATA),
        ("dict-update-allowed", "{% set d = {} %}{{ d.update({'a': 1}) }}{{ d }}", DATA),
        # Unsafe attributes: an undefined that prints empty and fails when used.
        ("class-prints-empty", "[{{ ''.__class__ }}]"),
        ("class-string-filter", "[{{ ''.__class__|string }}]"),
        ("class-is-defined", "{{ ''.__class__ is defined }}"),
        ("class-in-list", "{{ [''.__class__] }}"),
        ("class-concat", "{{ ''.__class__ ~ 'x' }}"),
        ("class-mro", "{{ ''.__class__.__mro__ }}", None, dict(S, **{ERR: "SecurityError"})),
        ("class-mro-call", "{{ ''.__class__.mro() }}", None, dict(S, **{ERR: "SecurityError"})),
        ("class-subclasses", "{{ ''.__class__.__mro__[1].__subclasses__() }}", None, dict(S, **{ERR: "SecurityError"})),
        ("class-call", "{{ ''.__class__() }}", None, dict(S, **{ERR: "SecurityError"})),
        ("class-item", "{{ ''.__class__['x'] }}", None, dict(S, **{ERR: "SecurityError"})),
        ("class-iterate", "{% for x in ''.__class__ %}{{ x }}{% endfor %}ok"),
        ("class-length", "{{ n.__class__|length }}", DATA),
        ("dunder-via-item", "{{ s['__class__'] }}", DATA),
        ("dunder-via-item-chain", "{{ s['__class__']['__base__'] }}", DATA, dict(S, **{ERR: "SecurityError"})),
        ("init-globals", "{{ cycler.__init__.__globals__ }}", None, dict(S, **{ERR: "SecurityError"})),
        ("lipsum-globals", "{{ lipsum.__globals__['os'] }}", None, dict(S, **{ERR: "SecurityError"})),
        ("self-class", "{{ self.__class__.__name__ }}", None, dict(S, **{ERR: "SecurityError"})),
        ("loop-private", "{% for x in [1] %}[{{ loop._length }}]{% endfor %}"),
        ("namespace-private", "[{{ namespace(a=1)._x }}]"),
        ("attr-filter-class", "[{{ n|attr('__class__') }}]", DATA),
        ("attr-filter-chain", "{{ (n|attr('__class__'))|attr('y') }}", DATA, dict(S, **{ERR: "SecurityError"})),
        ("map-attribute-class", "{{ [1]|map(attribute='__class__')|list }}"),
        ("map-attribute-chain", "{{ [1]|map(attribute='__class__.__base__')|list }}", None, dict(S, **{ERR: "SecurityError"})),
        ("method-self", "[{{ s.upper.__self__ }}]", DATA),
        ("dunder-method-call", "{{ items.__len__() }}", DATA, dict(S, **{ERR: "SecurityError"})),
        ("compare-unsafe", "{{ ''.__class__ == 1 }}"),
        ("test-callable-unsafe", "{{ ''.__class__ is callable }}"),
        # Format strings are sandboxed.
        ("format-class", "[{{ '{0.__class__}'.format(1) }}]"),
        ("format-class-chain", "{{ '{0.__class__.__base__}'.format(1) }}"),
        ("format-dunder-item", "{{ '{0[__class__]}'.format({'__class__': 2}) }}"),
        ("format-map-class", "[{{ '{x.__class__}'.format_map({'x': 1}) }}]"),
        ("format-map-two-args", "{{ '{x}'.format_map({'x': 1}, 2) }}", None, dict(S, **{ERR: "TypeError"})),
        ("format-map-no-args", "{{ ''.format_map() }}", None, dict(S, **{ERR: "TypeError"})),
        ("format-arg-class", "[{{ '{}'.format(n.__class__) }}]", DATA),
        ("format-missing-attr", "[{{ '{0.nope}'.format(user) }}]", DATA),
        ("percent-unsafe", "[{{ '%s' % n.__class__ }}]", DATA),
        ("markup-format-class", "[{{ ('{0.__class__}'|safe).format(1) }}]"),
        # range is bounded by MAX_RANGE.
        ("range-limit", "{{ range(100000)|length }}"),
        ("range-step-limit", "{{ range(0, 200000, 2)|length }}"),
        ("range-too-big", "{{ range(100001)|length }}", None, dict(S, **{ERR: "OverflowError"})),
        ("range-too-big-step", "{{ range(0, 300000, 2)|length }}", None, dict(S, **{ERR: "OverflowError"})),
        ("range-negative-step", "{{ range(100000, -100000, -1)|length }}", None, dict(S, **{ERR: "OverflowError"})),
        ("range-huge", "{{ range(10 ** 12)|length }}", None, dict(S, **{ERR: "OverflowError"})),
        ("range-empty", "{{ range(5, 1)|list }}"),
        ("range-errors-unchanged", "{{ range('a') }}", None, dict(S, **{ERR: "TypeError"})),
        # Other undefined kinds.
        ("strict-class", "{{ ''.__class__ }}", None, dict(STRICT, **{ERR: "SecurityError"})),
        ("strict-class-defined", "{{ ''.__class__ is defined }}", None, STRICT),
        ("strict-class-undefined", "{{ ''.__class__ is undefined }}", None, STRICT),
        ("debug-class", "{{ ''.__class__ }}", None, DEBUG),
        ("chainable-class", "[{{ ''.__class__.__mro__.x }}]", None, CHAIN),
    ])


def sandbox_immutable(c):
    c.area("sandbox_immutable")
    many(c, [
        ("list-append", "{% set l = [1] %}{{ l.append(2) }}{{ l }}", None, dict(I, **{ERR: "SecurityError"})),
        ("list-append-prints-empty", "{% set l = [1] %}[{{ l.append }}]{{ l }}", None, I),
        ("list-extend", "{{ [1].extend([1]) }}", None, dict(I, **{ERR: "SecurityError"})),
        ("list-insert", "{{ [1].insert(0, 1) }}", None, dict(I, **{ERR: "SecurityError"})),
        ("list-remove", "{{ [1].remove(1) }}", None, dict(I, **{ERR: "SecurityError"})),
        ("list-reverse", "{{ [1].reverse() }}", None, dict(I, **{ERR: "SecurityError"})),
        ("list-sort", "{{ [3, 1].sort() }}", None, dict(I, **{ERR: "SecurityError"})),
        ("data-list-append", "{{ items.append(4) }}", DATA, dict(I, **{ERR: "SecurityError"})),
        ("dict-update", "{% set d = {} %}{{ d.update({'a': 1}) }}", None, dict(I, **{ERR: "SecurityError"})),
        ("dict-pop", "{{ {}.pop('a', 1) }}", None, dict(I, **{ERR: "SecurityError"})),
        ("dict-popitem", "{{ {'a': 1}.popitem() }}", None, dict(I, **{ERR: "SecurityError"})),
        ("dict-setdefault", "{{ {}.setdefault('a') }}", None, dict(I, **{ERR: "SecurityError"})),
        ("dict-clear", "{{ {}.clear() }}", None, dict(I, **{ERR: "SecurityError"})),
        ("data-dict-update", "{{ user.update({'name': 'x'}) }}", DATA, dict(I, **{ERR: "SecurityError"})),
        ("attr-filter-append", "{{ (items|attr('append'))(1) }}", DATA, dict(I, **{ERR: "SecurityError"})),
        ("reading-allowed", "{{ [1, 2].copy() }} {{ [1, 2].index(2) }} {{ [1, 1].count(1) }} {{ {'a': 1}.get('a') }} {{ {'a': 1}.items()|list }} {{ {'a': 1}.copy() }}", None, I),
        ("filters-allowed", "{{ items|sort|list }} {{ items|reverse|list }} {{ items }}", DATA, I),
        ("set-and-namespace-allowed", "{% set ns = namespace(l=[]) %}{% set ns.l = ns.l + [1] %}{{ ns.l }}", None, I),
        ("class-still-unsafe", "{{ [].__class__.__base__ }}", None, dict(I, **{ERR: "SecurityError"})),
    ])
