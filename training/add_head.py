"""Train an extra output head (a small layer + CRF) over a trained tagger's frozen encoder, for one corpus's
conventions, so the shipped news head is untouched: issue 17's "a per-corpus output head ... is acceptable, with the
news head chosen on dev". The BiLSTM states of the corpus's records are computed once (eval mode, fp16, cached in
--cache); only the head learns (partial-label CRF likelihood, as train.py); the epoch with the best F1 on the selection
set is kept (and written after every epoch that improves it, so a long run cut short keeps its best).
training/graft_head.py then adds the head to a shipped model folder.

Usage: add_head.py BASE.pt OUT.pt --corpus msra [--also newsart*3] [--keep best|last] [--hidden-head 0|N] [--lstm-head 0|N] [--epochs 6] [--lr 2e-3]
                   [--lr-decay 0.7] [--dropout 0.2] [--holdout 0.1] [--eval msra_test] [--cache DIR] [--seed 1]
OUT.pt = {"corpus", "lstm": None or a BiLSTM's state dict, "layers": [(weight [out,in], bias)...] (ReLU between),
          "crf": {transitions, start, end}, "result"}. With --lstm-head N the layers read [states; BiLSTM(N) over them].
"""
import argparse
import json
import os
import random
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train as T  # noqa: E402  (load_split, batchify, prf, FOLD_COMPANY)
from common import NT, tags_to_spans  # noqa: E402
from model import Tagger, load_checkpoint  # noqa: E402


WITH_FEATURES = False  # --with-features: the head reads [states; the encoder's input features] (set in main)


@torch.no_grad()
def states_of(model, recs, bs=128):
    """The frozen encoder's BiLSTM states for each record, fp16 [n, 2*hidden] (with WITH_FEATURES, followed by the
    features the BiLSTM read: char and bigram embeddings, lexicon bits, SoftLexicon)."""
    out = [None] * len(recs)
    order = sorted(range(len(recs)), key=lambda i: len(recs[i][0]))
    for k in range(0, len(order), bs):
        idx = order[k:k + bs]
        c, b, lx, t, lens, mask = T.batchify([recs[i] for i in idx], "cpu")
        f = model.features(c, b, lx, T.batchify.softlex)
        h = model.states(f, lens)
        if WITH_FEATURES:
            h = torch.cat([h, f], -1)
        for j, i in enumerate(idx):
            out[i] = h[j, :len(recs[i][0])].half().numpy()
    return out


def cached_states(model, recs, cache, name):
    """states_of, kept as one fp16 array + offsets in `cache` (the same records in the same order)."""
    if cache:
        path = os.path.join(cache, name + (".feat" if WITH_FEATURES else "") + ".npz")
        n = np.array([len(r[0]) for r in recs])
        if os.path.exists(path):
            z = np.load(path)
            if np.array_equal(z["lengths"], n):
                off = np.concatenate([[0], np.cumsum(n)])
                states = z["states"]  # (each z[...] reads the whole array again)
                return [states[off[i]:off[i + 1]] for i in range(len(recs))]
    rows = states_of(model, recs)
    if cache:
        os.makedirs(cache, exist_ok=True)
        np.savez(path, states=np.concatenate(rows), lengths=n)
    return rows


def learn_and_select(base, corpus, holdout, cache, learn=True):
    """The records a head learns from and the set that selects it, with their states: (train, S_train, dev, S_dev,
    the selection set's name). {corpus}_train's records of up to 300 characters learn; with `holdout`, every k-th of
    them selects instead (never learnt from), otherwise {corpus}_dev does. learn=False: the selection set alone
    (ensemble_heads.py), train and S_train None where no holdout needs them."""
    train = S_train = None
    if learn or holdout:
        train = [r for r in T.load_split(corpus + "_train") if len(r[0]) <= 300]
        S_train = cached_states(base, train, cache, corpus + "_train")
    if holdout:
        k = round(1 / holdout)
        dev, S_dev, sel = train[::k], S_train[::k], f"{corpus}_train[::{k}]"
        train, S_train = ([x for i, x in enumerate(v) if i % k] for v in (train, S_train))
    else:
        dev, sel = T.load_split(corpus + "_dev"), corpus + "_dev"
        S_dev = cached_states(base, dev, cache, sel)
    return train, S_train, dev, S_dev, sel


class Head(torch.nn.Module):
    """Linear (hidden 0) or Linear-ReLU-Linear over the states — or, with lstm N, over [states; a BiLSTM(N) over the
    states] (context of its own on top of the frozen encoder's) — and its own CRF (started from the news head's)."""

    def __init__(self, dim, hidden, base, dropout, lstm=0):
        """`base`: the trained tagger whose CRF (and, for a linear head, output layer) the head starts from; None
        when the weights are loaded afterwards (graft_head.py)."""
        super().__init__()
        self.lstm = torch.nn.LSTM(dim, lstm, batch_first=True, bidirectional=True) if lstm else None
        d = dim + 2 * lstm
        if hidden:
            self.layers = torch.nn.ModuleList([torch.nn.Linear(d, hidden), torch.nn.Linear(hidden, NT)])
        else:
            self.layers = torch.nn.ModuleList([torch.nn.Linear(d, NT)])
            if not lstm and base is not None:  # a linear head over the states alone starts as a copy of the news head
                self.layers[0].load_state_dict(base.out.state_dict())
        self.drop = torch.nn.Dropout(dropout)
        crf = (base.trans, base.start, base.end) if base is not None else (torch.zeros(NT, NT), torch.zeros(NT), torch.zeros(NT))
        self.trans, self.start, self.end = (torch.nn.Parameter(p.detach().clone()) for p in crf)

    @classmethod
    def from_saved(cls, saved, dim):
        """The head of an add_head.py OUT.pt (eval mode, no dropout), with its CRF."""
        layers, lstm = saved["layers"], saved.get("lstm")
        m = cls(dim, layers[0][0].shape[0] if len(layers) > 1 else 0, None, 0.0,
                lstm=int(lstm["weight_hh_l0"].shape[1]) if lstm is not None else 0)
        if lstm is not None:
            m.lstm.load_state_dict({k: v.float() for k, v in lstm.items()})
        for layer, (w, b) in zip(m.layers, layers, strict=True):
            layer.load_state_dict({"weight": w.float(), "bias": b.float()})
        crf = saved["crf"]
        for p, key in ((m.trans, "transitions"), (m.start, "start"), (m.end, "end")):
            p.data = torch.tensor(crf[key], dtype=torch.float32)
        return m.eval()

    def to_saved(self, corpus, result):
        """This head in add_head.py's OUT.pt format (what from_saved and graft_head.py read)."""
        lstm = {k: v.detach().cpu().clone() for k, v in self.lstm.state_dict().items()} if self.lstm is not None else None
        return {"corpus": corpus, "lstm": lstm,
                "layers": [(l.weight.detach().cpu().clone(), l.bias.detach().cpu().clone()) for l in self.layers],
                "crf": {"transitions": self.trans.detach().tolist(), "start": self.start.detach().tolist(),
                        "end": self.end.detach().tolist()}, "result": result}

    def forward(self, x, lengths=None):
        x = self.drop(x)
        if self.lstm is not None:  # exact over right padding (Tagger's unpacked BiLSTM; it reads self.lstm)
            h = Tagger.bilstm_padded(self, x, lengths) if lengths is not None else self.lstm(x)[0]
            x = torch.cat([x, self.drop(h)], -1)
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i + 1 < len(self.layers):
                x = self.drop(torch.relu(x))
        return x


class HeadEnsemble(torch.nn.Module):
    """Heads trained alike (add_head.py --seed): the mean of their emissions, decoded with the mean of their CRFs."""

    def __init__(self, heads):
        super().__init__()
        self.heads = torch.nn.ModuleList(heads)
        self.trans, self.start, self.end = (torch.nn.Parameter(torch.stack([getattr(h, k) for h in heads]).mean(0))
                                            for k in ("trans", "start", "end"))

    def forward(self, x, lengths=None):
        return torch.stack([h(x, lengths) for h in self.heads]).mean(0)


def pad(rows, recs, idx):
    """States [B, L, 2H] of records `idx`, right-padded, with their tags, mask, partial labels and lengths."""
    L = max(len(rows[i]) for i in idx)
    x = np.zeros((len(idx), L, rows[idx[0]].shape[1]), np.float32)
    for j, i in enumerate(idx):
        x[j, :len(rows[i])] = rows[i]
    t, lens, mask, allow = T.batch_labels([recs[i] for i in idx], "cpu")
    return torch.from_numpy(x), t, mask, allow, lens


def score(base, head, rows, recs, fold, bs=256):
    head.eval()
    gold, pred = [], []
    order = sorted(range(len(recs)), key=lambda i: len(recs[i][0]))
    with torch.no_grad():
        for k in range(0, len(order), bs):
            idx = order[k:k + bs]
            x, t, mask, _, lengths = pad(rows, recs, idx)
            path = base.decode(head(x, lengths), mask, crf=(head.trans, head.start, head.end)).numpy()
            for j, i in enumerate(idx):
                n = len(recs[i][0])
                gold += [(i, s, e, ty) for s, e, ty in tags_to_spans(recs[i][3].tolist())]
                pred += [(i, s, e, ty) for s, e, ty in tags_to_spans(path[j, :n].tolist())]
    head.train()
    return T.prf(gold, pred, fold=fold)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("out")
    ap.add_argument("--corpus", required=True, help="records {corpus}_train learn, {corpus}_dev selects")
    ap.add_argument("--also", default="", help="more training corpora, CORPUS[*k],... (their _train records, k times)")
    ap.add_argument("--hidden-head", type=int, default=0, help="0: one linear layer; N: linear-ReLU(N)-linear")
    ap.add_argument("--lstm-head", type=int, default=0, help="N: a BiLSTM of N per direction over the states first")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--lr-decay", type=float, default=0.7, help="learning-rate factor per epoch")
    ap.add_argument("--bs", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--holdout", type=float, default=0.0,
                    help="select on this share of {corpus}_train (every k-th record, never learnt from) instead of "
                         "{corpus}_dev — when {corpus}_dev is the set the head is reported on (CLUENER's dev carve)")
    ap.add_argument("--eval", default="", help="score these splits with the chosen head at the end (e.g. msra_test)")
    ap.add_argument("--cache", default="", help="keep the encoder's states here (they depend only on BASE and the data)")
    ap.add_argument("--seed", type=int, default=1, help="initialisation, dropout and batch order (members of an ensemble)")
    ap.add_argument("--keep", choices=("best", "last"), default="best",
                    help="last: keep the last epoch, for a head whose selection set is also learnt (--also msradev, "
                         "a fixed epoch count chosen on dev before)")
    ap.add_argument("--with-features", action="store_true",
                    help="the head also reads the encoder's input features beside its states")
    a = ap.parse_args()
    global WITH_FEATURES
    WITH_FEATURES = a.with_features
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    torch.set_num_threads(int(os.environ.get("TORCH_THREADS", os.cpu_count() or 1)))
    base, config = load_checkpoint(a.base)
    T.SOFTLEX = bool(config.get("softlex_dim"))
    fold = a.corpus in T.FOLD_COMPANY
    t0 = time.time()
    train, S_train, dev, S_dev, sel = learn_and_select(base, a.corpus, a.holdout, a.cache)
    for spec in [x for x in a.also.split(",") if x]:  # after the holdout, which is carved from {corpus}_train alone
        name, _, k = spec.partition("*")
        recs = [r for r in T.load_split(name + "_train") if len(r[0]) <= 300]
        rows = cached_states(base, recs, a.cache, name + "_train")
        train, S_train = train + recs * int(k or 1), S_train + rows * int(k or 1)
    print(f"records train {len(train)}, selection {sel} {len(dev)}; states in {time.time() - t0:.0f}s", flush=True)

    head = Head(S_train[0].shape[1], a.hidden_head, base, a.dropout, a.lstm_head)
    opt = torch.optim.Adam(head.parameters(), lr=a.lr)

    def check(label):
        f = score(base, head, S_dev, dev, fold)
        print(f"[{label}] {sel} ALL {f['ALL']['f']} PER {f['PER']['f']} LOC {f['LOC']['f']} "
              f"ORG {f['ORG']['f']} COMPANY {f['COMPANY']['f']} ({time.time() - t0:.0f}s)", flush=True)
        return f["ALL"]["f"]

    def save(res):
        """Write the head as it is now (OUT.pt + OUT.pt.json)."""
        torch.save(head.to_saved(a.corpus, res), a.out)
        json.dump(res, open(a.out + ".json", "w"), indent=1)

    res = {"corpus": a.corpus, "also": a.also, "with_features": a.with_features, "hidden_head": a.hidden_head, "lstm_head": a.lstm_head, "selected_on": sel,
           "eval": {}}
    best, best_state = -1.0, None
    if not a.hidden_head and not a.lstm_head:
        best = check("start: a copy of the news head")
    order = list(range(len(train)))
    for ep in range(a.epochs):
        random.shuffle(order)
        chunks = [sorted(order[i:i + a.bs * 50], key=lambda j: len(train[j][0])) for i in range(0, len(order), a.bs * 50)]
        batches = [ch[i:i + a.bs] for ch in chunks for i in range(0, len(ch), a.bs)]
        random.shuffle(batches)
        tot = 0.0
        for idx in batches:
            x, t, mask, allow, lengths = pad(S_train, train, idx)
            em = head(x, lengths)
            loss = base.nll(em, t, mask, allow=allow, crf=(head.trans, head.start, head.end)) / len(idx)
            opt.zero_grad()
            loss.backward()
            opt.step()
            tot += loss.item()
        for g in opt.param_groups:
            g["lr"] *= a.lr_decay
        f = check(f"epoch {ep} loss {tot / len(batches):.3f}")
        if f > best or a.keep == "last":
            best, best_state = f, {k: v.detach().clone() for k, v in head.state_dict().items()}
            save({**res, "selection_f1": best, "epoch": ep, "epochs_done": ep + 1})  # a long run cut short keeps its best
    if best_state is None:
        sys.exit(f"the new head never beat a copy of the news head on {sel} ({best}); nothing written")
    head.load_state_dict(best_state)
    res["selection_f1"] = best
    for split in [s for s in a.eval.split(",") if s]:
        recs = T.load_split(split)
        res["eval"][split] = score(base, head, cached_states(base, recs, a.cache, split), recs, fold)
        print(split, json.dumps(res["eval"][split]["ALL"]), flush=True)
    save({**res, "epochs_done": a.epochs})
    print("wrote", a.out, f"({time.time() - t0:.0f}s)")

if __name__ == "__main__":
    main()
