#!/usr/bin/env python3
"""Writes the benchmark data (bench/data/*.json). Deterministic: the same files on every run.

products.json: 500 products (name, price, description, featured) whose names and descriptions
contain &, <, > and quotes, with descriptions both shorter and longer than the 80-character
truncation. fortunes.json: the 12 TechEmpower fortunes (the 13th is added at render time).
page.json: the data of the realistic page used by the parse+compile benchmark's correctness check.
"""
import json
import random
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
DATA = BENCH / "data"

WORDS = [
    "lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do",
    "eiusmod", "tempor", "incididunt", "ut", "labore", "et", "dolore", "magna", "aliqua", "enim",
    "R&D", "<b>bold</b>", "x > y", "a < b", "\"quoted\"", "it's", "Tom & Jerry", "5 > 3",
]
NOUNS = ["Widget", "Gadget", "Sprocket", "Gizmo", "Doohickey", "Thingamajig", "Contraption", "Device"]
MAKERS = ["Acme & Sons", "Smith <Ltd>", "Jones > Co", "Brown & Black", "O'Neil", "Initech"]


def products(rng):
    items = []
    for i in range(500):
        name = f"{rng.choice(NOUNS)} {i} by {rng.choice(MAKERS)}"
        length = rng.randint(6, 30)
        description = " ".join(rng.choice(WORDS) for _ in range(length)).capitalize() + "."
        price = round(rng.uniform(1, 250), 2)
        featured = rng.random() < 0.2
        items.append({"name": name, "price": price, "description": description, "featured": featured})
    return items


FORTUNES = [
    (1, "fortune: No such file or directory"),
    (2, "A computer scientist is someone who fixes things that aren't broken."),
    (3, "After enough decimal places, nobody gives a damn."),
    (4, "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1"),
    (5, "A computer program does what you tell it to do, not what you want it to do."),
    (6, "Emacs is a nice operating system, but I prefer UNIX. \u2014 Tom Christaensen"),
    (7, "Any program that runs right is obsolete."),
    (8, "A list is only as strong as its weakest link. \u2014 Donald Knuth"),
    (9, "Feature: A bug with seniority."),
    (10, "Computers make very fast, very accurate mistakes."),
    (11, "<script>alert(\"This should not be displayed in a browser alert box.\");</script>"),
    (12, "\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1\u30de\u30fc\u30af"),
]


def page(rng):
    tags = ["news", "c#", "python", "r&d", "<web>"]
    posts = []
    for i in range(12):
        posts.append({
            "slug": f"post-{i}",
            "title": f"Post {i}: {rng.choice(NOUNS)} & {rng.choice(NOUNS)}",
            "author": rng.choice(MAKERS),
            "summary": " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 25))),
            "tags": rng.sample(tags, rng.randint(0, 3)),
            "comments": rng.randint(0, 40),
        })
    return {
        "site": {"name": "Flagon & Friends", "year": 2026},
        "navigation": [
            {"href": "/", "caption": "Home"},
            {"href": "/blog", "caption": "Blog"},
            {"href": "/about", "caption": "About <us>"},
            {"href": "/contact", "caption": "Contact"},
        ],
        "active": "/blog",
        "page": {"title": "Latest posts", "summary": "What's new at Flagon & Friends: releases, <notes> and benchmarks of the week."},
        "posts": posts,
        "tags": tags,
    }


def write(name, value):
    with open(DATA / name, "w", encoding="utf-8", newline="\n") as f:
        json.dump(value, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    rng = random.Random(20261125)
    DATA.mkdir(exist_ok=True)
    write("products.json", {"products": products(rng)})
    write("fortunes.json", {"fortunes": [{"id": i, "message": m} for i, m in FORTUNES]})
    write("page.json", page(rng))


if __name__ == "__main__":
    main()
