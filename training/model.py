import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import NT, TAGS  # O B-PER I-PER B-LOC I-LOC B-ORG I-ORG B-COMPANY I-COMPANY


def allowed_matrix(tags=TAGS):
    """allowed[i, j]: transition tag i -> tag j is valid under BIO; start[j]: tag j may begin a sentence."""
    k = len(tags)
    a = torch.ones(k, k, dtype=torch.bool)
    for j, tj in enumerate(tags):
        if tj.startswith("I-"):
            for i, ti in enumerate(tags):
                if ti[2:] != tj[2:] or ti == "O":
                    a[i, j] = False
    start = torch.tensor([not t.startswith("I-") for t in tags])
    return a, start


class Tagger(nn.Module):
    def __init__(self, n_chars, n_bigrams, char_dim=100, bi_dim=50, hidden=160, use_lex=True, use_bigram=True,
                 dropout=0.3, n_heads=1, softlex_dim=0):
        super().__init__()
        self.n_heads = n_heads
        self.head = 0  # head used by forward()/export and by default decoding
        self.use_lex, self.use_bigram = use_lex, use_bigram
        self.softlex_dim = softlex_dim  # SoftLexicon input (training/softlex.py), appended after the lexicon bits
        self.char_emb = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.bi_emb = nn.Embedding(n_bigrams, bi_dim, padding_idx=0)
        d = char_dim + (2 * bi_dim if use_bigram else 0) + (16 if use_lex else 0) + softlex_dim
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(d, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, NT)
        self.trans = nn.Parameter(torch.zeros(NT, NT))
        self.start = nn.Parameter(torch.zeros(NT))
        self.end = nn.Parameter(torch.zeros(NT))
        # extra per-source heads (multi-task: one output layer + CRF per corpus convention); head 0 = self.out
        self.x_out = nn.ModuleList([nn.Linear(2 * hidden, NT) for _ in range(n_heads - 1)])
        self.x_trans = nn.Parameter(torch.zeros(max(n_heads - 1, 1), NT, NT))
        self.x_start = nn.Parameter(torch.zeros(max(n_heads - 1, 1), NT))
        self.x_end = nn.Parameter(torch.zeros(max(n_heads - 1, 1), NT))

    def crf_params(self, head):
        if head == 0:
            return self.trans, self.start, self.end
        return self.x_trans[head - 1], self.x_start[head - 1], self.x_end[head - 1]

    def features(self, chars, bigrams, lex, softlex=None):
        x = [self.char_emb(chars)]
        if self.use_bigram:
            right = self.bi_emb(bigrams)
            # left bigram of position i = right bigram of i-1; BOUNDARY (id 2) at position 0
            first = torch.full_like(bigrams[:, :1], 2)
            left = self.bi_emb(torch.cat([first, bigrams[:, :-1]], 1))
            x += [right, left]
        if self.use_lex:
            x.append(lex)
        if self.softlex_dim:
            x.append(softlex)
        return self.drop(torch.cat(x, -1))

    def states(self, x, lengths=None):
        """The BiLSTM's states over features `x` (padding never reaches a real position when `lengths` is given)."""
        if lengths is not None and self.fast_padded:
            return self.bilstm_padded(x, lengths)
        if lengths is not None:
            packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
            return h
        return self.lstm(x)[0]

    def emissions(self, chars, bigrams, lex, lengths=None, head=None, softlex=None):
        head = self.head if head is None else head
        h = self.states(self.features(chars, bigrams, lex, softlex), lengths)
        out = self.out if head == 0 else self.x_out[head - 1]
        return out(self.drop(h))

    fast_padded = True

    def bilstm_padded(self, x, lengths):
        """Exact bidirectional LSTM over right-padded rows without packing (packed backward is ~3x slower on CPU):
        the forward direction runs on the padded batch (padding comes after every real step), the backward
        direction on each row reversed within its own length, so padding never reaches a real position."""
        B, T, _ = x.shape
        t = torch.arange(T, device=x.device).unsqueeze(0)
        n = lengths.to(x.device).unsqueeze(1)
        rev = torch.where(t < n, n - 1 - t, t)  # per-row reversal index (padding stays in place)
        idx = rev.unsqueeze(2).expand(B, T, x.shape[2])
        L = self.lstm
        hf = torch._VF.lstm(x, (x.new_zeros(1, B, L.hidden_size), x.new_zeros(1, B, L.hidden_size)),
                               [L.weight_ih_l0, L.weight_hh_l0, L.bias_ih_l0, L.bias_hh_l0],
                               True, 1, 0.0, self.training, False, True)[0]
        hb = torch._VF.lstm(x.gather(1, idx), (x.new_zeros(1, B, L.hidden_size), x.new_zeros(1, B, L.hidden_size)),
                               [L.weight_ih_l0_reverse, L.weight_hh_l0_reverse, L.bias_ih_l0_reverse,
                                L.bias_hh_l0_reverse], True, 1, 0.0, self.training, False, True)[0]
        hb = hb.gather(1, rev.unsqueeze(2).expand(B, T, hb.shape[2]))
        return torch.cat([hf, hb], -1)

    def forward(self, chars, bigrams, lex, softlex=None):  # export path (sequence_lens patched into the ONNX LSTM)
        return self.emissions(chars, bigrams, lex, softlex=softlex)

    # ---------------- CRF
    def nll(self, em, tags, mask, head=0, allow=None, crf=None):
        """Negative log-likelihood. With `allow` ([B,T,K] bool: the tags the corpus allows at each character),
        the numerator is the log-sum over every BIO-valid tag sequence compatible with it (partial-label CRF);
        without it, the score of the one gold sequence. `crf` = (transitions, start, end) instead of head `head`'s
        (an add_head.py head's own CRF)."""
        trans, start, end = crf if crf is not None else self.crf_params(head)
        B, T, K = em.shape
        if allow is not None:
            return (self.log_partition(em, mask, trans, start, end)
                    - self.log_partition(em, mask, trans, start, end, allow)).sum()
        maskf = mask.float()
        # gold score (vectorised)
        emit = em.gather(2, tags.unsqueeze(2)).squeeze(2)
        tr = trans[tags[:, :-1], tags[:, 1:]]
        score = start[tags[:, 0]] + (emit * maskf).sum(1) + (tr * maskf[:, 1:]).sum(1)
        lengths = mask.sum(1)
        last = tags.gather(1, (lengths - 1).unsqueeze(1)).squeeze(1)
        score = score + end[last]
        return (self.log_partition(em, mask, trans, start, end) - score).sum()

    def log_partition(self, em, mask, trans, start, end, allow=None):
        """log Z over all sequences, or (with `allow`) over the BIO-valid sequences inside the allowed sets."""
        B, T, K = em.shape
        if allow is not None:
            bio, start_ok = allowed_matrix()
            neg = -1e4
            trans = torch.where(bio.to(em.device), trans, torch.full_like(trans, neg))
            start = torch.where(start_ok.to(em.device), start, torch.full_like(start, neg))
            em = torch.where(allow, em, torch.full_like(em, neg))
        alpha = start.unsqueeze(0) + em[:, 0]
        for t in range(1, T):
            nxt = torch.logsumexp(alpha.unsqueeze(2) + trans.unsqueeze(0), 1) + em[:, t]
            m = mask[:, t].unsqueeze(1)
            alpha = torch.where(m, nxt, alpha)
        return torch.logsumexp(alpha + end.unsqueeze(0), 1)

    @torch.no_grad()
    def decode(self, em, mask, head=None, crf=None):
        """Constrained Viterbi with head `head`'s CRF, or with `crf` = (transitions, start, end) when given."""
        head = self.head if head is None else head
        trans0, start0, end0 = crf if crf is not None else self.crf_params(head)
        allowed, start_ok = allowed_matrix()
        allowed, start_ok = allowed.to(em.device), start_ok.to(em.device)
        neg = -1e4
        trans = torch.where(allowed, trans0, torch.full_like(trans0, neg))
        start = torch.where(start_ok, start0, torch.full_like(start0, neg))
        B, T, K = em.shape
        score = start.unsqueeze(0) + em[:, 0]
        bps = []
        for t in range(1, T):
            s = score.unsqueeze(2) + trans.unsqueeze(0)
            best, idx = s.max(1)
            nxt = best + em[:, t]
            m = mask[:, t].unsqueeze(1)
            score = torch.where(m, nxt, score)
            bps.append(torch.where(m, idx, torch.arange(K, device=em.device).unsqueeze(0).expand(B, K)))
        score = score + end0.unsqueeze(0)
        best = score.argmax(1)
        out = [best]
        for bp in reversed(bps):
            best = bp.gather(1, best.unsqueeze(1)).squeeze(1)
            out.append(best)
        out.reverse()
        return torch.stack(out, 1)


def load_checkpoint(path):
    """A Tagger from a train.py checkpoint (model.pt, best.pt or last.pt), in eval mode, and its config."""
    ck = torch.load(path, map_location="cpu")
    c = ck["config"]
    m = Tagger(c["n_chars"], c["n_bigrams"], hidden=c["hidden"], use_lex=c["use_lex"], use_bigram=c["use_bigram"],
               n_heads=c.get("n_heads", 1), softlex_dim=c.get("softlex_dim", 0))
    state = {k: v.float() if v.is_floating_point() else v for k, v in ck["state"].items()}
    for k in ("x_trans", "x_start", "x_end"):  # a rebuilt single-head model (from_onnx.py) has no unused placeholders
        state.setdefault(k, getattr(m, k).detach().clone())
    m.load_state_dict(state)
    m.eval()
    return m, c
