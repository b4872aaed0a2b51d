"""Records the expected outputs of Flagon's own chat templates (templates/*.jinja) with real
Jinja2, configured the way Hugging Face transformers configures it for
`tokenizer.apply_chat_template(..., tokenize=False)`:

    ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                  extensions=[<generation tag>, jinja2.ext.loopcontrols])
    filters["tojson"]          -> json.dumps(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)
    globals["raise_exception"] -> raise jinja2.exceptions.TemplateError(message)
    globals["strftime_now"]    -> now.strftime(format), with now fixed at 2025-07-10 12:00:00 (naive)

and render(messages=..., tools=..., documents=..., add_generation_prompt=..., **special_tokens, **extras).

Run from this folder with the Python that has Jinja2 3.1:

    /usr/bin/python3 generate_chat.py      # writes chat_cases.json

Cases with "continue_final_message": true are rendered as apply_chat_template(..., continue_final_message=True)
does (transformers' tag-and-cut, see render_continuing).

Each case: {"template", "scenario", "variables" (every render variable, in order), and
"expected" (the output) or "error" ("<ExceptionClass>: <message>")}.
"""

import copy
import glob
import json
import os
from datetime import datetime

import jinja2
import jinja2.ext
import jinja2.nodes
from jinja2.exceptions import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = datetime(2025, 7, 10, 12, 0, 0)


class GenerationTag(jinja2.ext.Extension):
    """{% generation %}...{% endgeneration %}: a call block whose callee returns caller()."""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return jinja2.nodes.CallBlock(self.call_method("_render"), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def make_env():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[GenerationTag, jinja2.ext.loopcontrols])

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    def raise_exception(message):
        raise TemplateError(message)

    def strftime_now(format):
        return NOW.strftime(format)

    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


SYSTEM = {"role": "system", "content": "You are a helpful assistant — answer <b>briefly</b> & \"exactly\".  "}
USER = {"role": "user", "content": "What is the capital of France?"}
ANSWER = {"role": "assistant", "content": "The capital of France is Paris."}
USER2 = {"role": "user", "content": "Und von Deutschland? 日本の首都は？ 🚀\u3000"}
ANSWER2 = {"role": "assistant", "content": "Berlin; 東京."}
TOOLS = [
    {"type": "function", "function": {
        "name": "get_weather",
        "description": "Get the current weather in a city — \"live\" <data> & more",
        "parameters": {"type": "object", "properties": {
            "city": {"type": "string", "description": "The city, e.g. Zürich"},
            "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            "days": {"type": "integer", "minimum": 1, "maximum": 14},
            "precision": {"type": "number", "default": 0.5},
            "tiny": {"type": "number", "default": 1e-05},
            "alerts": {"type": "boolean", "default": True}},
            "required": ["city"]},
        "return": {"type": "string", "description": "A short report"}}},
    {"type": "function", "function": {
        "name": "search",
        "description": "Search the web",
        "parameters": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}}},
]
CALL = {"role": "assistant", "content": None, "tool_calls": [
    {"id": "call12345", "type": "function",
     "function": {"name": "get_weather", "arguments": {"city": "Paris", "unit": "celsius", "days": 2, "score": 1.0}}}]}
TOOL_RESULT = {"role": "tool", "tool_call_id": "call12345", "name": "get_weather",
               "content": "{\"temperature\": 21.5, \"sky\": \"clear\"}"}
AFTER_TOOL = {"role": "assistant", "content": "It is 21.5 °C and clear in Paris."}

SCENARIOS = {
    "basic": {"messages": [SYSTEM, USER, ANSWER], "add_generation_prompt": False},
    "gen-prompt": {"messages": [SYSTEM, USER], "add_generation_prompt": True},
    "no-system": {"messages": [USER], "add_generation_prompt": True},
    "multi-turn": {"messages": [SYSTEM, USER, ANSWER, USER2, ANSWER2, USER], "add_generation_prompt": True},
    "tools": {"messages": [SYSTEM, USER], "tools": TOOLS, "add_generation_prompt": True},
    "tool-call": {"messages": [USER, CALL, TOOL_RESULT, AFTER_TOOL, USER2], "tools": TOOLS, "add_generation_prompt": True},
    "thinking": {"messages": [USER, {"role": "assistant", "content": "<think>\nParis is the capital.\n</think>\n\nParis."},
                              {"role": "assistant", "reasoning_content": "  Check the map.  ", "content": "Paris, still."}, USER2],
                 "add_generation_prompt": True, "enable_thinking": False},
    "content-parts": {"messages": [SYSTEM, {"role": "user", "content": [
        {"type": "image"}, {"type": "text", "text": "Describe this <picture>."}]}], "add_generation_prompt": True},
    "reasoning-last": {"messages": [SYSTEM, USER, CALL, {"role": "tool", "tool_call_id": "call12345", "content": {"temperature": 21.5, "note": "ünïcode"}},
                                    {"role": "assistant", "reasoning_content": "  Check the map.  ", "content": "ok"}],
                       "tools": TOOLS, "add_generation_prompt": False, "enable_thinking": True},
    "raise-alternation": {"messages": [USER, USER2], "add_generation_prompt": True},
    "raise-two-calls": {"messages": [USER, {"role": "assistant", "tool_calls": [CALL["tool_calls"][0], CALL["tool_calls"][0]]}],
                        "tools": TOOLS, "add_generation_prompt": False},
    "raise-bad-role": {"messages": [USER, {"role": "critic", "content": "Too short."}], "add_generation_prompt": True},
}

# apply_chat_template(..., continue_final_message=True): the same messages, the final one continued.
PARTIAL = {"role": "assistant", "content": "The capital of France is"}
CONTINUE_SCENARIOS = {
    "continue": {"messages": [SYSTEM, USER, PARTIAL]},
    "continue-trailing-space": {"messages": [USER, {"role": "assistant", "content": "Paris is  \n"}]},
    "continue-user": {"messages": [SYSTEM, {"role": "user", "content": "Tell me about "}]},
    "continue-parts": {"messages": [SYSTEM, {"role": "user", "content": [
        {"type": "text", "text": "Describe this <picture>:"}, {"type": "image"}]}]},
    "continue-thinking": {"messages": [USER, {"role": "assistant", "content": "<think>\nParis.\n</think>\n\nIt is"}],
                          "enable_thinking": True},
    "continue-after-tool": {"messages": [USER, CALL, TOOL_RESULT, {"role": "assistant", "content": "It is 21.5"}],
                            "tools": TOOLS},
}

CONTINUE_TAG = "CONTINUE_FINAL_MESSAGE_TAG "


def render_continuing(template, variables):
    """transformers' render_jinja_template with continue_final_message=True: tag the final message's text
    (the last text block of a list), render, cut the prompt where the tag lands."""
    chat = copy.deepcopy(variables["messages"])
    final = chat[-1]["content"]
    if isinstance(final, (list, tuple)):
        for block in reversed(final):
            if "text" in block:
                final_text = block["text"]
                block["text"] = block["text"] + CONTINUE_TAG
                break
    else:
        final_text = final
        chat[-1]["content"] = final + CONTINUE_TAG
    rendered = template.render(**{**variables, "messages": chat})
    if final_text.strip() not in rendered or CONTINUE_TAG.strip() not in rendered:
        raise ValueError(
            "continue_final_message is set but the final message does not appear in the chat after applying the chat "
            "template! This can happen if the chat template deletes portions of the final message. Please verify the "
            "chat template and final message in your chat to ensure they are compatible.")
    at = rendered.rindex(CONTINUE_TAG.strip())
    if rendered[at:at + len(CONTINUE_TAG)] == CONTINUE_TAG:
        return rendered[:at]
    return rendered[:at].rstrip()


# datetime.strftime in the C locale (what strftime_now prints), for PyStrftime.
STRFTIME_TIMES = [datetime(2025, 7, 10, 12, 0, 0), datetime(2025, 1, 5, 0, 7, 3, 12), datetime(2024, 12, 30, 23, 59, 59, 999999),
                  datetime(2021, 1, 1, 13, 30, 0)]
STRFTIME_FORMATS = ["%d %b %Y", "%B %d, %Y", "%Y-%m-%d", "%a %A %b %B %c", "%C %d %D %e %F %f", "%g %G %H %I %j %k %l %m %M",
                    "%p %r %R %S %T %u %U %V %w %W %x %X %y %Y [%z] [%Z] %%", "%-d %-m %_d %0e %-I:%M %p", "100%", "%Q %q"]

TOKENS = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"}


def variables(spec):
    v = {"messages": spec["messages"], "tools": spec.get("tools"), "documents": spec.get("documents"),
         "add_generation_prompt": spec.get("add_generation_prompt", False)}
    v.update(TOKENS)
    for key, value in spec.items():
        if key not in v:
            v[key] = value
    return v


def main():
    cases = []
    for path in sorted(glob.glob(os.path.join(HERE, "templates", "*.jinja"))):
        name = os.path.basename(path)
        with open(path, encoding="utf-8", newline="") as f:
            source = f.read()
        template = make_env().from_string(source)
        for scenario, spec in SCENARIOS.items():
            case = {"template": name, "scenario": scenario, "variables": variables(spec)}
            try:
                case["expected"] = template.render(**case["variables"])
            except Exception as e:  # noqa: BLE001 - the error is the expected outcome
                case["error"] = f"{type(e).__name__}: {e}"
            cases.append(case)
        for scenario, spec in CONTINUE_SCENARIOS.items():
            case = {"template": name, "scenario": scenario, "continue_final_message": True, "variables": variables(spec)}
            try:
                case["expected"] = render_continuing(template, case["variables"])
            except Exception as e:  # noqa: BLE001 - the error is the expected outcome
                case["error"] = f"{type(e).__name__}: {e}"
            cases.append(case)
    strftime = []
    for moment in STRFTIME_TIMES:
        for fmt in STRFTIME_FORMATS:
            strftime.append({"time": moment.isoformat(), "format": fmt, "expected": moment.strftime(fmt)})
    with open(os.path.join(HERE, "chat_cases.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"generator": "generate_chat.py", "jinja2": jinja2.__version__, "cases": cases, "strftime": strftime},
                  f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(cases)} cases, {sum('error' in c for c in cases)} errors")


if __name__ == "__main__":
    main()
