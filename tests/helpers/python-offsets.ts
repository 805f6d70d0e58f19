/** Check offsets the way a Python client reads them: `text[start:end]` (UTF32) or `text.encode()[start:end].decode()` (UTF8), in a python3 subprocess. */
import { spawnSync } from 'node:child_process';

export const hasPython = spawnSync('python3', ['--version']).status === 0;

export interface SpanCheck {
  text: string;
  spans: { start: number; end: number; text: string }[];
}

const SCRIPT = `
import json, sys
req = json.load(sys.stdin)
bad = []
for item in req["items"]:
    text = item["text"]
    for s in item["spans"]:
        if req["encoding"] == "UTF32":
            got = text[s["start"]:s["end"]]
        else:
            got = text.encode("utf-8")[s["start"]:s["end"]].decode("utf-8")
        if got != s["text"]:
            bad.append({"span": s, "got": got})
json.dump({"checked": sum(len(i["spans"]) for i in req["items"]), "bad": bad}, sys.stdout, ensure_ascii=False)
`;

/** Spans Python slices differently from their `text`, and how many were checked. */
export function pythonCheck(encoding: 'UTF32' | 'UTF8', items: SpanCheck[]): { checked: number; bad: unknown[] } {
  const run = spawnSync('python3', ['-c', SCRIPT], { input: JSON.stringify({ encoding, items }), encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' } });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
