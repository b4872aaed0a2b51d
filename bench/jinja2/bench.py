#!/usr/bin/python3
"""Times Python Jinja2 on the template benchmark's workloads: the same templates and data as
bench/Flagon.Jinja.Benchmarks, checked against bench/expected/ before timing.

    /usr/bin/python3 bench/jinja2/bench.py [--repeat 7] [--min-time 0.5] [--cpu-time]

Each workload is timed `repeat` times; each timing runs the operation enough times to last at
least `min-time` seconds. The table shows the best (fastest) timing, as `timeit` advises.
--cpu-time times with the process's CPU time (time.process_time) instead of wall time, the
counterpart of the .NET benchmark's --cpu-clock on a machine shared with other work.
"""
import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import jinja2  # noqa: E402
import workloads  # noqa: E402


def best_of(operation, repeat, min_time, clock):
    """Best seconds per call over `repeat` timings of at least `min_time` seconds each."""
    number = 1
    while True:  # calibrate
        start = clock()
        for _ in range(number):
            operation()
        elapsed = clock() - start
        if elapsed >= min_time / 4:
            break
        number *= 2
    number = max(1, int(number * (min_time / max(elapsed, 1e-9))))
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        for _ in range(number):
            operation()
        best = min(best, (clock() - start) / number)
    return best, number


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--min-time", type=float, default=0.5)
    parser.add_argument("--cpu-time", action="store_true", help="time with process CPU time, not wall time")
    args = parser.parse_args()

    env = workloads.environment()
    cases = []
    for name, (template, data) in workloads.renders(env).items():
        expected = (workloads.BENCH / "expected" / name).read_bytes()
        actual = template.render(data).encode("utf-8")
        if actual != expected:
            sys.exit(f"{name}: Jinja2 output differs from bench/expected/{name}; run render_expected.py")
        if name != "page.html":  # the page is timed as parse+compile, not render
            cases.append((name.removesuffix(".html"), "render to str", lambda t=template, d=data: t.render(d)))

    sources = workloads.page_sources()

    def parse_compile():
        # from_string parses and compiles (to Python code, then bytecode) without the cache.
        return [env.from_string(source) for _, source in sources]

    cases.append(("parse page", "from_string x2", parse_compile))

    print(f"Jinja2 {jinja2.__version__} on Python {platform.python_version()} "
          f"({platform.machine()}), best of {args.repeat}, >= {args.min_time}s per timing, "
          f"{'process CPU time' if args.cpu_time else 'wall time'}")
    clock = time.process_time if args.cpu_time else time.perf_counter
    print(f"{'workload':<12} {'operation':<16} {'renders/s':>12} {'us/op':>12} {'calls':>8}")
    for workload, operation, call in cases:
        seconds, number = best_of(call, args.repeat, args.min_time, clock)
        print(f"{workload:<12} {operation:<16} {1 / seconds:>12,.1f} {seconds * 1e6:>12,.1f} {number:>8}")


if __name__ == "__main__":
    main()
