// Times @huggingface/jinja rendering bench/chat's chat templates on bench/chat/scenario.json and checks
// each output against bench/chat/expected/<template>.txt (written by Python Jinja2).
//   cd bench/chat/node && npm install && node bench.mjs
import { readFileSync } from "node:fs";
import { Template } from "@huggingface/jinja";

const root = new URL("../", import.meta.url);
const variables = JSON.parse(readFileSync(new URL("scenario.json", root), "utf8"));
const names = ["llama3-tools", "chatml-qwen", "mistral-tools"];
// @huggingface/jinja defines raise_exception, strftime_now and a json.dumps-like tojson itself.
const context = variables;

console.log(`node ${process.version}, @huggingface/jinja ${JSON.parse(readFileSync(new URL("node_modules/@huggingface/jinja/package.json", import.meta.url), "utf8")).version}`);
for (const name of names) {
  const template = new Template(readFileSync(new URL(`templates/${name}.jinja`, root), "utf8"));
  const expected = readFileSync(new URL(`expected/${name}.txt`, root), "utf8");
  let out;
  try {
    out = template.render(context);
  } catch (e) {
    console.log(`${name.padEnd(15)} fails: ${e.message}`);
    continue;
  }
  const same = out === expected;
  // Warm up, then take the best of 7 batches of about 0.2 s each.
  let n = 1;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) template.render(context);
    if (Number(process.hrtime.bigint() - t0) > 2e8) break;
    n *= 2;
  }
  let best = Infinity;
  for (let r = 0; r < 7; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) template.render(context);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  console.log(`${name.padEnd(15)} ${String(out.length).padStart(6)} chars  ${(best / 1000).toFixed(1).padStart(9)} us/render  ${same ? "output matches Jinja2" : "OUTPUT DIFFERS from Jinja2"}`);
}
