"""A lexicon with the service's hand-written and corpus-mined company and organisation lists as `nt` words, for a
model that learns to read them (MODEL_CARD round 20): jieba's lexicon (a model folder's `lexicon.tsv.gz`) plus every
name of `src/pipeline/lang/zh/{companies,companies-best-known,companies-listed,bodies-hk-mo-tw,bodies-world}.tsv` that
is not marked `ambiguous` (flags 1 any | 8 nt), normalised as the model's text is. names-labelled.tsv is
left out: it is mined from the training corpora's own gold, so in training every gold name would be in the lexicon.

Usage: list_lexicon.py MODEL_DIR OUT_DIR  (OUT_DIR gets chars.txt, bigrams.txt and the new lexicon.tsv.gz, for
NER_VOCAB_FROM=OUT_DIR training/prepare.py)
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import MAX_WORD, REPO, load_lexicon, norm_text, save_lexicon  # noqa: E402

LISTS = ["companies", "companies-best-known", "companies-listed", "bodies-hk-mo-tw", "bodies-world"]


def list_names():
    """The lists' names not marked ambiguous, normalised as the model's text (the lists are written in simplified script)."""
    names = set()
    for name in LISTS:
        with open(os.path.join(REPO, "src/pipeline/lang/zh", name + ".tsv"), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) > 3 and parts[3] == "ambiguous":
                    continue
                w = norm_text(parts[0])
                if 2 <= len(w) <= MAX_WORD:
                    names.add(w)
    return names


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    for f in ("chars.txt", "bigrams.txt"):
        shutil.copy(os.path.join(src, f), os.path.join(out, f))
    lex = load_lexicon(os.path.join(src, "lexicon.tsv.gz"))
    names = list_names()
    new = sum(1 for w in names if w not in lex)
    for w in names:
        lex[w] = lex.get(w, 0) | 1 | 8
    save_lexicon(lex, os.path.join(out, "lexicon.tsv.gz"))
    print(f"{len(names)} list names ({new} new words), lexicon {len(lex)}")


if __name__ == "__main__":
    main()
