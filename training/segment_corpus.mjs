// Segment the unlabelled corpus with the service's jieba dictionary (nodejieba, HMM off: dictionary words only),
// one output line per input line, tokens separated by spaces; text normalised like training/common.py norm_text.
// Input for the word-vector pretraining of the SoftLexicon features (training/softlex.py).
// Usage: node training/segment_corpus.mjs CORPUS_DIR OUT.txt
import { execFileSync } from "node:child_process";
import { createWriteStream, readdirSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import nodejieba from "nodejieba";

const [corpus, out] = process.argv.slice(2);
if (!corpus || !out) {
  console.error("usage: node training/segment_corpus.mjs CORPUS_DIR OUT.txt");
  process.exit(2);
}
if (!existsSync(corpus)) {
  console.error(`ERROR: corpus folder ${corpus} not found (../shared/data/corpus is required)`);
  process.exit(2);
}
const normChar = (c) => {
  let o = c.charCodeAt(0);
  if (o >= 0xff01 && o <= 0xff5e) c = String.fromCharCode(o - 0xfee0);
  else if (o === 0x3000) c = " ";
  if (c >= "A" && c <= "Z") c = c.toLowerCase();
  return c;
};
const norm = (s) => s.replace(/[\uff01-\uff5e\u3000A-Z]/g, normChar);
const sink = createWriteStream(out);
let chars = 0;
const t0 = Date.now();
for (const sub of readdirSync(corpus).sort()) {
  const dir = join(corpus, sub);
  if (!statSync(dir).isDirectory()) continue;
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt.xz")).sort();
  for (const f of files) {
    const text = execFileSync("xz", ["-dc", join(dir, f)], { maxBuffer: 1 << 30 }).toString("utf8");
    const lines = [];
    for (const line of text.split("\n")) {
      const s = norm(line).trim();
      if (!s) continue;
      chars += s.length;
      lines.push(nodejieba.cut(s, false).filter((w) => w.trim()).join(" "));
    }
    sink.write(lines.join("\n") + "\n");
    console.log(`${sub}/${f}: ${chars} chars so far, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
}
sink.end();
