#!/usr/bin/python3
"""Records Flask 2.2's blueprint command groups (bp.cli and cli_group) for Flagon's BlueprintCliTests.

Run with the Debian Flask (2.2.2):  /usr/bin/python3 generate_blueprint_cli.py > blueprint_cli.json
The C# test builds the same blueprints and compares the app's custom commands, the groups' subcommands and the
output of invoking each one.
"""
import json
import sys

import click
from flask import Flask, Blueprint

def build():
    app = Flask("bpcli")
    @app.cli.command("top")
    def top(): click.echo("top")
    default = Blueprint("admin", __name__)
    @default.cli.command("create")
    @click.argument("who")
    def create(who): click.echo(f"create {who}")
    flat = Blueprint("flat", __name__, cli_group=None)
    @flat.cli.command("flat-cmd")
    def flat_cmd(): click.echo("flat")
    named = Blueprint("named", __name__, cli_group="tools")
    @named.cli.command("tool")
    def tool(): click.echo("tool")
    parent = Blueprint("parent", __name__)
    child = Blueprint("child", __name__)
    @child.cli.command("nested")
    def nested(): click.echo("nested")
    parent.register_blueprint(child)
    empty = Blueprint("empty", __name__)
    app.register_blueprint(default)
    app.register_blueprint(flat)
    app.register_blueprint(named)
    app.register_blueprint(parent)
    app.register_blueprint(empty)
    over = Blueprint("over", __name__)
    @over.cli.command("o")
    def o(): click.echo("o")
    app.register_blueprint(over, cli_group="renamed")
    return app

app = build()
runner = app.test_cli_runner()


out = {"commands": sorted(app.cli.commands)}
out["groups"] = {k: sorted(v.commands) for k, v in app.cli.commands.items() if isinstance(v, click.Group)}
out["runs"] = {}
for args in [["admin", "create", "ann"], ["flat-cmd"], ["tools", "tool"], ["parent.child", "nested"], ["renamed", "o"], ["top"]]:
    r = runner.invoke(args=args)
    out["runs"][" ".join(args)] = {"exit": r.exit_code, "output": r.output}
json.dump(out, sys.stdout, indent=1); print()
