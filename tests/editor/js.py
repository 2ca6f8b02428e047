"""Run the editor page's own modules (tools/editor/page/*.mjs) in Node, as the browser runs them.

They import nothing from Decap, so Node needs no package: `call("checklist", "writeChecklist", data)`
runs `writeChecklist(data)` from checklist.mjs and returns its result (through JSON).
"""

import json
import subprocess
from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "tools" / "editor" / "page"

RUNNER = """
const [module, name] = process.argv.slice(1);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const args = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const exports = await import(module);
let target = exports;
for (const part of name.split('.')) target = typeof target[part] === 'function' && target !== exports
  ? target[part].bind(target) : target[part];
process.stdout.write(JSON.stringify(await target(...args)));
"""


def call(module, name, *args):
    """`name` (e.g. `writeChecklist`, or `pelicanFormat.toFile`) from page/<module>.mjs, on `args`."""
    result = subprocess.run(["node", "--input-type=module", "-e", RUNNER, (PAGE / f"{module}.mjs").as_uri(), name],
                            input=json.dumps(args), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout or "null")


def map_call(module, name, items):
    """`name` on each of `items` (one argument each), in one Node process: a list of results."""
    script = RUNNER.replace("process.stdout.write(JSON.stringify(await target(...args)));",
                            "process.stdout.write(JSON.stringify(await Promise.all(args.map(item => target(item)))));")
    result = subprocess.run(["node", "--input-type=module", "-e", script, (PAGE / f"{module}.mjs").as_uri(), name],
                            input=json.dumps(list(items)), capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
