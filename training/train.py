"""Train one BiLSTM-CRF configuration. Usage: train.py NAME --data msra,pku [--no-lex] [--no-pretrain] [--hidden 160]
Warm start / fine-tuning: --init model.pt (e.g. from from_onnx.py) [--freeze-emb] [--eval-every N] [--average]
Per-corpus heads trained jointly with the encoder: --joint-head msra=HEAD.pt*0.3 (add_head.py's format, or `new`; that share
of {corpus}_train trains the head and, through it, the encoder; the news head never sees those records). Each check scores
the head on {corpus}_dev and writes it beside last.pt / best.pt as last.head.CORPUS.pt / best.head.CORPUS.pt.
Writes $NER_BUILD/runs/NAME/{result.json,model.pt} (model.pt = best-on-dev state dict) and, at every dev check,
last.pt (that check's weights) and best.pt (the best so far), so a long CPU run can be inspected or cut short
without losing its progress."""
import argparse
import json
import os
import random
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, NT, TAGS, tags_to_spans
from model import Tagger

EVAL_SETS = ["newsann_dev", "msra_dev", "pku_dev", "cluener_dev", "weibo_dev", "resume_dev",
             "msra_test", "pku_test", "weibo_test", "resume_test"]
# corpora without a company type: predicted COMPANY counts as ORG when they are scored
FOLD_COMPANY = ("msra", "pku", "weibo", "resume")


JOINT = 100  # source ids of --joint-head records start here (below: the model's own heads)
# CLUENER's dev is the carve issue 17 reports on: a joint CLUENER head is never scored on it during training
BLIND = ("cluener",)


def joint_emissions(model, head, c, b, lx, lens):
    """Emissions of a joint head (add_head.Head) over the encoder's states of a batch (batchify's)."""
    return head(model.states(model.features(c, b, lx, batchify.softlex), lens), lens)


SOFTLEX = False  # set by --softlex: records carry their SoftLexicon rows (feat/NAME.softlex.npy)


def load_split(name):
    z = np.load(os.path.join(BUILD, "feat", name + ".npz"))
    off = z["offsets"]
    C, Bg, Lx, Tg = z["chars"], z["bigrams"], z["lex"], z["tags"]
    A = z["allow"] if "allow" in z.files else (1 << Tg.astype(np.int64)).astype(np.uint16)
    SL = np.load(os.path.join(BUILD, "feat", name + ".softlex.npy"), mmap_mode="r") if SOFTLEX else None
    recs = []
    for i in range(len(off) - 1):
        a, b = off[i], off[i + 1]
        if b == a:
            continue
        recs.append((C[a:b], Bg[a:b], Lx[a:b], Tg[a:b], None if SL is None else np.asarray(SL[a:b]), A[a:b]))
    return recs


BITS = torch.tensor([1 << k for k in range(16)], dtype=torch.int32)


def batch_labels(recs, dev):
    """A right-padded batch's tags, lengths, mask and partial labels ([B, L, NT] bool: the tags allowed at each char)."""
    L = max(len(r[0]) for r in recs)
    B = len(recs)
    t = np.zeros((B, L), np.int64)
    al = np.full((B, L), (1 << NT) - 1, np.int64)
    lens = np.zeros(B, np.int64)
    for i, r in enumerate(recs):
        n = len(r[0])
        t[i, :n], al[i, :n] = r[3], r[5]
        lens[i] = n
    t, lens = torch.from_numpy(t).to(dev), torch.from_numpy(lens).to(dev)
    mask = torch.arange(L, device=dev).unsqueeze(0) < lens.unsqueeze(1)
    tag_bits = torch.tensor([1 << k for k in range(NT)], dtype=torch.int64)
    allow = ((torch.from_numpy(al).unsqueeze(-1) & tag_bits) != 0).to(dev)
    return t, lens, mask, allow


def batchify(recs, dev):
    L = max(len(r[0]) for r in recs)
    B = len(recs)
    c = np.zeros((B, L), np.int64)
    b = np.zeros((B, L), np.int64)
    lx = np.zeros((B, L), np.int32)
    sl = np.zeros((B, L, recs[0][4].shape[1]), np.float32) if recs[0][4] is not None else None
    for i, r in enumerate(recs):
        n = len(r[0])
        c[i, :n], b[i, :n], lx[i, :n] = r[0], r[1], r[2]
        if sl is not None:
            sl[i, :n] = r[4]
    c, b = torch.from_numpy(c).to(dev), torch.from_numpy(b).to(dev)
    lx = torch.from_numpy(lx).to(dev)
    lexf = ((lx.unsqueeze(-1) & BITS.to(dev)) != 0).float()
    batchify.softlex = None if sl is None else torch.from_numpy(sl).to(dev)
    t, lens, mask, batchify.allow = batch_labels(recs, dev)  # allow: [B, L, NT] partial labels
    return c, b, lexf, t, lens, mask


def prf(gold, pred, fold=False):
    if fold:
        gold = [x[:3] + ("ORG",) if x[3] == "COMPANY" else x for x in gold]
        pred = [x[:3] + ("ORG",) if x[3] == "COMPANY" else x for x in pred]
    res = {}
    for ty in ["PER", "LOC", "ORG", "COMPANY", "ALL"]:
        g = set(x for x in gold if ty == "ALL" or x[3] == ty)
        p = set(x for x in pred if ty == "ALL" or x[3] == ty)
        tp = len(g & p)
        P = tp / len(p) if p else 0.0
        R = tp / len(g) if g else 0.0
        F = 2 * P * R / (P + R) if P + R else 0.0
        res[ty] = {"p": round(100 * P, 2), "r": round(100 * R, 2), "f": round(100 * F, 2), "n": len(g)}
    return res


@torch.no_grad()
def gold_and_predicted(model, recs, dev, bs=256, head=None, joint=None):
    """(gold, predicted) mentions of records as (record index, start, end, type) lists; leaves the model in eval mode.
    `joint`: an add_head.Head read over the encoder's states instead of the model's own head `head`."""
    model.eval()
    if joint is not None:
        joint.eval()
    gold, pred = [], []
    order = sorted(range(len(recs)), key=lambda i: len(recs[i][0]))
    for k in range(0, len(order), bs):
        idx = order[k:k + bs]
        c, b, lx, t, lens, mask = batchify([recs[i] for i in idx], dev)
        if joint is None:
            em = model.emissions(c, b, lx, lens, head=head, softlex=batchify.softlex)
            path = model.decode(em, mask, head=head).cpu().numpy()
        else:
            em = joint_emissions(model, joint, c, b, lx, lens)
            path = model.decode(em, mask, crf=(joint.trans, joint.start, joint.end)).cpu().numpy()
        for j, i in enumerate(idx):
            n = len(recs[i][0])
            gold += [(i, s, e, ty) for s, e, ty in tags_to_spans(recs[i][3].tolist())]
            pred += [(i, s, e, ty) for s, e, ty in tags_to_spans(path[j, :n].tolist())]
    return gold, pred


def evaluate(model, recs, dev, bs=256, head=None, name="", joint=None):
    gold, pred = gold_and_predicted(model, recs, dev, bs, head, joint)
    model.train()
    if joint is not None:
        joint.train()
    return prf(gold, pred, fold=name.split("_")[0] in FOLD_COMPANY)


def masked_char_loss(model, head, c, b, lx, lens, mask, softlex, rate=0.15):
    """Cross-entropy of the hidden characters (BERT-style masking through the tagger's own inputs): a chosen
    position loses its char id, the two bigrams that contain it, its lexicon bits and its SoftLexicon row."""
    pick = (torch.rand(c.shape, device=c.device) < rate) & mask
    if not pick.any():
        return c.new_zeros((), dtype=torch.float)
    target = c[pick]
    c = torch.where(pick, torch.ones_like(c), c)
    prev = torch.cat([pick[:, 1:], torch.zeros_like(pick[:, :1])], 1)  # right bigram of i-1 covers char i
    b = torch.where(pick | prev, torch.ones_like(b), b)
    lx = lx.masked_fill(pick.unsqueeze(-1), 0.0)
    if softlex is not None:
        softlex = softlex.masked_fill(pick.unsqueeze(-1), 0.0)
    h = model.states(model.features(c, b, lx, softlex), lens)
    logits = head(model.drop(h[pick]))
    return torch.nn.functional.cross_entropy(logits, target)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("name")
    ap.add_argument("--data", default="msra")
    ap.add_argument("--no-lex", action="store_true")
    ap.add_argument("--no-bigram", action="store_true")
    ap.add_argument("--pretrained", default="")
    ap.add_argument("--hidden", type=int, default=160)
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--max-epochs", type=int, default=30)
    ap.add_argument("--bs", type=int, default=64)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--limit", type=int, default=0, help="debug: use only N training records")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--multihead", action="store_true", help="one output layer + CRF per corpus (head 0 = msra)")
    ap.add_argument("--select", default="msra",
                    help="dev metric for checkpoint selection: msra, msra+pku, newsann (the held-out contract-conventional "
                         "lines) or newsann+msra (their mean)")
    ap.add_argument("--init", default="", help="start from this model.pt (same architecture)")
    ap.add_argument("--freeze-emb", action="store_true", help="do not update the embedding tables")
    ap.add_argument("--eval-every", type=int, default=0, help="also check dev every N batches (0: once per epoch)")
    ap.add_argument("--average", action="store_true",
                    help="keep a running average of the weights at every dev check after the first (SWA-style); "
                         "the average competes with the single checkpoints on dev")
    ap.add_argument("--average-from", type=int, default=0,
                    help="with --average: only dev checks from this epoch on enter the average (early weights are poor)")
    ap.add_argument("--unk-drop", type=float, default=0.0,
                    help="replace this fraction of training char and bigram ids with <unk> (robustness to unseen names)")
    ap.add_argument("--lr-decay", type=float, default=0.9, help="learning-rate factor per epoch")
    ap.add_argument("--softlex", type=int, default=0,
                    help="SoftLexicon input of this width (4 x word-vector dim; feat/*.softlex.npy from softlex.py)")
    ap.add_argument("--final-evals", default=",".join(EVAL_SETS), help="sets scored at the end")
    ap.add_argument("--mlm", default="",
                    help="SOURCE:WEIGHT — the records of this --data source (unlabelled corpus lines, e.g. silver made "
                         "with empty spans) train a masked-character objective instead of the tagger: 15%% of their "
                         "characters are hidden (char, both bigrams, lexicon bits and SoftLexicon row) and predicted "
                         "from the BiLSTM's states by a separate output layer, loss x WEIGHT. The layer is not part "
                         "of the saved model, so export is unchanged")
    ap.add_argument("--joint-head", action="append", default=[],
                    help="CORPUS=HEAD.pt[*W]: train add_head.py's HEAD.pt jointly with the encoder on W x {corpus}_train "
                         "(its records go through that head only); repeatable")
    ap.add_argument("--joint-dropout", type=float, default=0.2, help="dropout inside the joint heads")
    a = ap.parse_args()
    global SOFTLEX
    SOFTLEX = bool(a.softlex)
    torch.manual_seed(a.seed)
    if dev_is_cpu := not torch.cuda.is_available():
        torch.set_num_threads(int(os.environ.get("TORCH_THREADS", os.cpu_count() or 1)))
    random.seed(a.seed)
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    out_dir = os.path.join(BUILD, "runs", a.name)
    os.makedirs(out_dir, exist_ok=True)
    log = open(os.path.join(out_dir, "log.txt"), "w")

    def P(*x):
        s = " ".join(str(y) for y in x)
        print(f"[{a.name}] {s}", flush=True)
        log.write(s + "\n")
        log.flush()

    nc = sum(1 for _ in open(os.path.join(BUILD, "vocab", "chars.txt"), encoding="utf-8").read().split("\n")[:-1])
    nb = sum(1 for _ in open(os.path.join(BUILD, "vocab", "bigrams.txt"), encoding="utf-8").read().split("\n")[:-1])
    train = []
    sources = a.data.split(",")
    # --data msra*0.5,cluener,newsann*4: a corpus name with an optional weight (records repeated; a fractional part
    # draws that share afresh every epoch)
    weights = {}
    for si, spec in enumerate(sources):
        d, _, w = spec.partition("*")
        src = si if a.multihead else 0
        recs = [r + (src,) for r in load_split(d + "_train") if len(r[0]) <= 300]
        weights[d] = (recs, float(w or 1))
        P("source", d, "records", len(recs), "weight", float(w or 1))
    sources = [x.partition("*")[0] for x in sources]

    def epoch_records():
        out = []
        for recs, w in weights.values():
            out += recs * int(w)
            if w % 1:
                out += random.sample(recs, int(len(recs) * (w % 1)))
        return out
    train = epoch_records()
    assert sources[0] == "msra" or not a.multihead
    if a.limit:
        random.shuffle(train)
        train = train[: a.limit]
    evals = {n: load_split(n) for n in EVAL_SETS}
    if a.limit:
        evals = {n: v[:200] for n, v in evals.items()}
    P("train records", len(train), "chars", sum(len(r[0]) for r in train), "vocab", nc, nb, "device", dev)
    n_heads = len(sources) if a.multihead else 1
    config = {"n_chars": nc, "n_bigrams": nb, "hidden": a.hidden, "use_lex": not a.no_lex,
              "use_bigram": not a.no_bigram, "n_heads": n_heads, "softlex_dim": a.softlex}
    model = Tagger(nc, nb, hidden=a.hidden, use_lex=not a.no_lex, use_bigram=not a.no_bigram, n_heads=n_heads,
                   dropout=a.dropout, softlex_dim=a.softlex).to(dev)
    if a.init:
        ck = torch.load(a.init, map_location="cpu")
        assert ck["config"]["hidden"] == a.hidden, "--hidden must match --init"
        state = dict(ck["state"])
        # a model of the 7 MSRA tags: the COMPANY rows start as copies of the ORG rows (B-ORG 5 / I-ORG 6)
        if state["out.weight"].shape[0] < NT:
            old = state["out.weight"].shape[0]
            pick = list(range(old)) + [5, 6][: NT - old]
            state["out.weight"], state["out.bias"] = state["out.weight"][pick], state["out.bias"][pick]
            state["trans"] = state["trans"][pick][:, pick]
            state["start"], state["end"] = state["start"][pick], state["end"][pick]
            for k in ("x_trans", "x_start", "x_end"):
                state.pop(k, None)
            P("extended the output layer and CRF from", old, "to", NT, "tags (COMPANY from ORG)")
        for k in ("lstm.weight_ih_l0", "lstm.weight_ih_l0_reverse"):  # new input columns (softlex) start at zero
            if k not in state:
                continue  # e.g. embeddings only: the LSTM starts from scratch
            w, want = state[k], model.state_dict()[k]
            if w.shape != want.shape:
                state[k] = torch.cat([w, w.new_zeros(w.shape[0], want.shape[1] - w.shape[1])], 1)
                P("padded", k, tuple(w.shape), "->", tuple(want.shape))
        model.load_state_dict(state, strict=False)
        P("initialised from", a.init, "msra_dev", evaluate(model, evals["msra_dev"], dev, name="msra_dev")["ALL"]["f"])
    if a.freeze_emb:
        model.char_emb.weight.requires_grad_(False)
        model.bi_emb.weight.requires_grad_(False)
    if a.pretrained:
        z = np.load(a.pretrained)
        model.char_emb.weight.data.copy_(torch.from_numpy(z["char"]).to(dev))
        model.bi_emb.weight.data.copy_(torch.from_numpy(z["bigram"]).to(dev))
        P("loaded pretrained embeddings", a.pretrained)
    mlm_src, mlm_w, mlm_head = -1, 0.0, None
    if a.mlm:
        name, _, w = a.mlm.partition(":")
        assert not a.multihead and name in sources, "--mlm names one --data source (single head)"
        mlm_src, mlm_w = sources.index(name), float(w or 1)
        # tag records by source so MLM batches can be told apart (the head index slot is 0 without --multihead)
        for d, (recs, w2) in list(weights.items()):
            weights[d] = ([r[:6] + (sources.index(d),) for r in recs], w2)
        mlm_head = torch.nn.Linear(2 * a.hidden, nc).to(dev)
        P("masked-character objective on", name, "weight", mlm_w)
    joint = {}  # source id (JOINT + j) -> (corpus, add_head.Head)
    for j, spec in enumerate(a.joint_head):
        from add_head import Head  # (add_head imports this module)
        corpus, _, rest = spec.partition("=")
        path, _, w = rest.partition("*")
        if path == "new":  # a fresh head of the shipped MSRA head's shape (BiLSTM 128, 256 hidden), CRF from the news head
            head = Head(2 * a.hidden, 256, model, a.joint_dropout, lstm=128).to(dev)
        else:
            head = Head.from_saved(torch.load(path, map_location="cpu"), 2 * a.hidden).to(dev)
        head.drop.p = a.joint_dropout
        head.train()
        recs = [r[:6] + (JOINT + j,) for r in load_split(corpus + "_train") if len(r[0]) <= 300]
        weights[corpus + "@head"] = (recs, float(w or 1))
        joint[JOINT + j] = (corpus, head)
        if corpus in BLIND:
            P("joint head", corpus, "from", path, "records", len(recs), "weight", float(w or 1), "(not scored: blind)")
            continue
        evals.setdefault(corpus + "_dev", load_split(corpus + "_dev"))
        P("joint head", corpus, "from", path, "records", len(recs), "weight", float(w or 1), corpus + "_dev",
          evaluate(model, evals[corpus + "_dev"], dev, name=corpus + "_dev", joint=head)["ALL"]["f"])
    params = [p for p in model.parameters() if p.requires_grad] + (list(mlm_head.parameters()) if mlm_head else [])
    params += [p for _, h in joint.values() for p in h.parameters()]
    opt = torch.optim.Adam(params, lr=a.lr)
    t0 = time.time()
    best, best_state, best_ep = -1, None, -1
    history = []
    avg_state, n_avg = None, 0

    def check(ep, step, loss):
        nonlocal best, best_state, best_ep, avg_state, n_avg
        md = evaluate(model, evals["msra_dev"], dev, name="msra_dev")["ALL"]["f"]
        pd = evaluate(model, evals["pku_dev"], dev, name="pku_dev")["ALL"]["f"] if a.select == "msra+pku" else -1
        nd = evaluate(model, evals["newsann_dev"], dev, name="newsann_dev") if a.select.startswith("newsann") else None
        nf = nd["ALL"]["f"] if nd else -1
        sel = {"msra": md, "msra+pku": (md + pd) / 2, "newsann": nf, "newsann+msra": (nf + md) / 2}[a.select]
        h = {"epoch": ep, "step": step, "loss": round(loss, 4), "msra_dev": md, "pku_dev": pd, "newsann_dev": nf,
             "newsann_company": nd["COMPANY"]["f"] if nd else -1, "sel": round(sel, 2), "t": round(time.time() - t0)}
        cands = [("single", sel, {k: v.detach().cpu().clone() for k, v in model.state_dict().items()})]
        if a.average and ep >= a.average_from:
            cur = cands[0][2]
            if avg_state is None:
                avg_state, n_avg = {k: v.clone() for k, v in cur.items()}, 1
            else:
                n_avg += 1
                for k, v in cur.items():
                    if v.is_floating_point():
                        avg_state[k] += (v - avg_state[k]) / n_avg
            if n_avg > 1:
                keep = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
                model.load_state_dict(avg_state)
                amd = evaluate(model, evals["msra_dev"], dev, name="msra_dev")["ALL"]["f"]
                model.load_state_dict(keep)
                h["avg_msra_dev"], h["n_avg"] = amd, n_avg
                if a.select == "msra":
                    cands.append(("average", amd, {k: v.clone() for k, v in avg_state.items()}))
        for corpus, jh in [x for x in joint.values() if x[0] not in BLIND]:
            h[corpus + "_dev@head"] = evaluate(model, evals[corpus + "_dev"], dev, name=corpus + "_dev", joint=jh)["ALL"]["f"]
        history.append(h)
        P(json.dumps(h))
        torch.save({"state": cands[0][2], "config": config, "check": h}, os.path.join(out_dir, "last.pt"))
        for corpus, jh in joint.values():
            torch.save(jh.to_saved(corpus, {"joint": True, "check": h}), os.path.join(out_dir, f"last.head.{corpus}.pt"))
        for kind, score, state in cands:
            if score > best:
                best, best_ep, best_state = score, f"{ep}:{step}:{kind}", state
                torch.save({"state": state, "config": config, "check": dict(h, kind=kind)}, os.path.join(out_dir, "best.pt"))
                for corpus, jh in joint.values():
                    torch.save(jh.to_saved(corpus, {"joint": True, "check": h}), os.path.join(out_dir, f"best.head.{corpus}.pt"))
    for ep in range(a.max_epochs):
        train = epoch_records()
        random.shuffle(train)
        if a.limit:
            train = train[: a.limit]
        chunks = [sorted(train[i:i + a.bs * 50], key=lambda r: (r[6], len(r[0]))) for i in range(0, len(train), a.bs * 50)]
        batches = []
        for ch in chunks:
            for src in sorted(set(r[6] for r in ch)):
                sub = [r for r in ch if r[6] == src]
                batches += [sub[i:i + a.bs] for i in range(0, len(sub), a.bs)]
        random.shuffle(batches)
        tot, n_tot = 0.0, 0
        out_of_time = False
        for step, bt in enumerate(batches, 1):
            c, b, lx, t, lens, mask = batchify(bt, dev)
            if a.unk_drop:
                c = torch.where((torch.rand(c.shape, device=dev) < a.unk_drop) & mask, torch.ones_like(c), c)
                b = torch.where((torch.rand(b.shape, device=dev) < a.unk_drop) & mask, torch.ones_like(b), b)
            head = bt[0][6]
            if head in joint:
                jh = joint[head][1]
                em = joint_emissions(model, jh, c, b, lx, lens)
                loss = model.nll(em, t, mask, allow=batchify.allow, crf=(jh.trans, jh.start, jh.end)) / len(bt)
            elif head == mlm_src:
                loss = mlm_w * masked_char_loss(model, mlm_head, c, b, lx, lens, mask, batchify.softlex)
            else:
                if mlm_head is not None:
                    head = 0
                em = model.emissions(c, b, lx, lens, head=head, softlex=batchify.softlex)
                loss = model.nll(em, t, mask, head=head, allow=batchify.allow) / len(bt)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 5.0)
            opt.step()
            tot += loss.item()
            n_tot += 1
            if a.eval_every and step % a.eval_every == 0 and step < len(batches):
                check(ep, step, tot / n_tot)
                if time.time() - t0 > a.minutes * 60:
                    out_of_time = True
                    break
        for g in opt.param_groups:
            g["lr"] *= a.lr_decay
        if out_of_time:
            break
        check(ep, len(batches), tot / max(n_tot, 1))
        el = time.time() - t0
        if el + el / (ep + 1) > a.minutes * 60 and not a.eval_every:
            break  # next epoch would not fit in the budget
        if el > a.minutes * 60:
            break
    model.load_state_dict(best_state)
    res = {"name": a.name, "args": vars(a), "best_epoch": best_ep, "history": history, "eval": {}}
    for n, recs in evals.items():
        if n not in a.final_evals.split(","):
            continue
        res["eval"][n] = evaluate(model, recs, dev, name=n)
        P(n, json.dumps(res["eval"][n]["ALL"]))
    if a.multihead:
        for n in ("pku_dev", "pku_test", "cluener_dev", "weibo_dev", "weibo_test", "resume_dev", "resume_test"):
            src = n.split("_")[0]
            if src in sources:
                res["eval"][n + "@own_head"] = evaluate(model, evals[n], dev, head=sources.index(src), name=n)
                P(n + "@own_head", json.dumps(res["eval"][n + "@own_head"]["ALL"]))
    res["select"] = best
    torch.save({"state": best_state, "config": config}, os.path.join(out_dir, "model.pt"))
    json.dump(res, open(os.path.join(out_dir, "result.json"), "w"), indent=1)
    P("done", round(time.time() - t0), "s")


if __name__ == "__main__":
    main()
