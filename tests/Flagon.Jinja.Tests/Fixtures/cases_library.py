"""Library cases (issue 3): filters, tests, globals, Python methods, formatting."""


def add(c):
    pass
