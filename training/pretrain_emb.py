"""Skip-gram-style pretraining of the char and char-bigram embedding tables on the unlabelled corpus.
Each centre position i predicts the chars at i-2..i+3 (excluding i, i+1 for the bigram view) with negative
sampling; char table (dim 100) and right-bigram table (dim 50) each have their own output table.
Usage: pretrain_emb.py CORPUS_DIR OUT.npz [--minutes 2]"""
import argparse
import glob
import lzma
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import BUILD, norm_text


def vocab(path):
    items = open(path, encoding="utf-8").read().split("\n")[:-1]
    return items


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--minutes", type=float, default=2.0)
    ap.add_argument("--limit-mb", type=float, default=0)
    a = ap.parse_args()
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    chars = vocab(os.path.join(BUILD, "vocab", "chars.txt"))
    bigrams = vocab(os.path.join(BUILD, "vocab", "bigrams.txt"))
    lut = np.ones(0x110000, np.int32)  # UNK
    for i, ch in enumerate(chars):
        if i >= 3:
            lut[ord(ch)] = i
    lut[10] = 2  # newline = boundary
    bkeys = np.array([(ord(b[0]) << 21) | ord(b[1]) for b in bigrams[3:]], np.int64)
    border = np.argsort(bkeys)
    bkeys_sorted = bkeys[border]
    t0 = time.time()
    ids, bids = [], []
    for p in sorted(glob.glob(os.path.join(a.corpus, "*", "part-*.txt.xz"))):
        with lzma.open(p, "rt", encoding="utf-8") as f:
            txt = norm_text(f.read()) if a.limit_mb == 0 else norm_text(f.read(int(a.limit_mb * 1e6)))
        cp = np.frombuffer(txt.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        c = lut[cp]
        key = np.concatenate([cp[:-1] * (1 << 21) + cp[1:], [0]])
        pos = np.searchsorted(bkeys_sorted, key).clip(0, len(bkeys_sorted) - 1)
        hit = bkeys_sorted[pos] == key
        b = np.where(hit, border[pos] + 3, 1).astype(np.int32)
        b[(cp == 10) | (np.concatenate([cp[1:], [10]]) == 10)] = 2
        ids.append(c)
        bids.append(b)
    ids = torch.from_numpy(np.concatenate(ids)).long().to(dev)
    bids = torch.from_numpy(np.concatenate(bids)).long().to(dev)
    N = len(ids)
    print(f"corpus positions {N}, loaded in {time.time() - t0:.0f}s; unk chars {(ids == 1).float().mean():.4f} unk bigrams {(bids == 1).float().mean():.4f}", flush=True)
    counts = torch.bincount(ids, minlength=len(chars)).float()
    counts[:3] = 0
    noise = counts.pow(0.75)
    noise /= noise.sum()
    Vc, Vb = len(chars), len(bigrams)
    cin = torch.nn.Embedding(Vc, 100).to(dev)
    bin_ = torch.nn.Embedding(Vb, 50).to(dev)
    cout = torch.nn.Embedding(Vc, 100).to(dev)
    bout = torch.nn.Embedding(Vc, 50).to(dev)
    for e in (cin, bin_):
        torch.nn.init.uniform_(e.weight, -0.5 / 100, 0.5 / 100)
    for e in (cout, bout):
        torch.nn.init.zeros_(e.weight)
    params = list(cin.parameters()) + list(bin_.parameters()) + list(cout.parameters()) + list(bout.parameters())
    opt = torch.optim.Adam(params, lr=3e-3)
    BS, NEG = 262144, 5
    offs_c = [-2, -1, 1, 2]
    offs_b = [-2, -1, 2, 3]
    step = 0
    t1 = time.time()
    while time.time() - t1 < a.minutes * 60:
        pos = torch.randint(3, N - 4, (BS,), device=dev)
        ci = ids[pos]
        bi = bids[pos]
        valid_c = ci > 2
        vc = cin(ci)
        vb = bin_(bi)
        loss = 0
        for offs, v, out, val in ((offs_c, vc, cout, valid_c), (offs_b, vb, bout, bi > 2)):
            ctx = torch.stack([ids[pos + o] for o in offs], 1)  # B x 4
            okc = (ctx > 2) & val.unsqueeze(1)
            neg = torch.multinomial(noise, BS * len(offs) * NEG, replacement=True).view(BS, len(offs), NEG)
            pos_s = (out(ctx) * v.unsqueeze(1)).sum(-1)
            neg_s = (out(neg) * v.unsqueeze(1).unsqueeze(2)).sum(-1)
            l = -F.logsigmoid(pos_s) - F.logsigmoid(-neg_s).sum(-1)
            loss = loss + (l * okc).sum() / okc.sum().clamp(min=1)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        if step % 200 == 0:
            print(f"step {step} loss {loss.item():.4f} {time.time() - t1:.0f}s", flush=True)
    print(f"pretrain steps {step} ({step * BS / N:.2f} epochs-equivalent)", flush=True)
    # rescale to a typical init scale
    wc = cin.weight.detach()
    wb = bin_.weight.detach()
    wc = wc / wc[3:].std() * 0.3
    wb = wb / wb[3:].std() * 0.3
    wc[0] = 0
    wb[0] = 0
    np.savez(a.out, char=wc.cpu().numpy().astype(np.float32), bigram=wb.cpu().numpy().astype(np.float32))
    # sanity: nearest neighbours of a few chars
    cv = {ch: i for i, ch in enumerate(chars)}
    wn = F.normalize(wc, dim=1)
    for ch in ["京", "张", "省", "司"]:
        if ch in cv:
            sim = wn @ wn[cv[ch]]
            print(ch, "".join(chars[i] for i in sim.topk(8).indices.tolist()), flush=True)


if __name__ == "__main__":
    main()
