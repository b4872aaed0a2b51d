#!/usr/bin/python3
"""Records the config a new Flask 2.2 app starts with, for ConfigTests.

Run with the Debian Flask (2.2.2):  /usr/bin/python3 generate_config.py > config_defaults.json
timedelta values are written as seconds.
"""
import datetime
import json

import flask

app = flask.Flask("defaults")
config = {}
for key, value in sorted(app.config.items()):
    if isinstance(value, datetime.timedelta):
        value = value.total_seconds()
    config[key] = value
print(json.dumps({"flask": flask.__version__, "config": config}, indent=2, sort_keys=True))
