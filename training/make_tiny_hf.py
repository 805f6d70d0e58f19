"""Build the TINY Hugging Face token-classification fixture used by tests/model (no downloads):
tests/fixtures/tiny-hf-ner/{config.json, tokenizer.json, tokenizer_config.json, onnx/model_quantized.onnx}.
A 1-layer BERT-shaped encoder (hidden 16) whose weights are set by hand so that the label of each token
is fixed by its vocabulary entry (李->B-PER, 玉/龙->I-PER, 北->B-LOC, 京->I-LOC, 中->B-ORG ... ), everything
else O. Inputs input_ids/attention_mask/token_type_ids -> logits, like an exported BertForTokenClassification."""
import inspect
import json
import os
import sys

import torch
import torch.nn as nn

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                                          "tests", "fixtures", "tiny-hf-ner")
LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
TAGGED = {"李": "B-PER", "玉": "I-PER", "龙": "I-PER", "北": "B-LOC", "京": "I-LOC", "中": "B-ORG", "车": "I-ORG",
          "所": "I-ORG", "m": "B-ORG", "##b": "I-ORG", "##m": "I-ORG"}
PLAIN = list("董事长告诉记者在和的是了一有人这为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质队观")
LATIN = [c for c in "abcdefghijklmnopqrstuvwxyz0123456789"]
vocab = SPECIAL + sorted(set(PLAIN + list("李玉龙北京中车所董事长告诉记者株洲市政府与电机研究签约")) | set(LATIN)) + ["##" + c for c in LATIN]
vocab = list(dict.fromkeys(vocab))
tok_id = {t: i for i, t in enumerate(vocab)}
H = 16


class TinyBert(nn.Module):
    def __init__(self):
        super().__init__()
        self.word = nn.Embedding(len(vocab), H)
        self.pos = nn.Embedding(64, H)
        self.typ = nn.Embedding(2, H)
        self.ln = nn.LayerNorm(H)
        self.layer = nn.TransformerEncoderLayer(H, 2, 32, dropout=0.0, batch_first=True)
        self.cls = nn.Linear(H, len(LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids):
        T = input_ids.shape[1]
        pos = torch.arange(T, device=input_ids.device).unsqueeze(0)
        x = self.ln(self.word(input_ids) + self.pos(pos) + self.typ(token_type_ids))
        pad = attention_mask == 0
        x = self.layer(x, src_key_padding_mask=pad)
        return self.cls(x)


m = TinyBert().eval()
with torch.no_grad():
    for p in m.parameters():
        p.zero_()
    m.ln.weight.fill_(1.0)
    for ln in (m.layer.norm1, m.layer.norm2):
        ln.weight.fill_(1.0)
    for t, i in tok_id.items():
        lab = LABELS.index(TAGGED.get(t, "O"))
        m.word.weight[i, lab] = 4.0
        m.word.weight[i, 8 + (i % 8)] = 0.5  # some token-specific noise dims (not read by the classifier)
    for k in range(len(LABELS)):
        m.cls.weight[k, k] = 1.0
os.makedirs(os.path.join(OUT, "onnx"), exist_ok=True)
kw = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
ids = torch.tensor([[2, 10, 11, 3]])
torch.onnx.export(m, (ids, torch.ones_like(ids), torch.zeros_like(ids)), os.path.join(OUT, "onnx", "model_quantized.onnx"),
                  input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                  dynamic_axes={n: {0: "batch", 1: "seq"} for n in ["input_ids", "attention_mask", "token_type_ids", "logits"]},
                  opset_version=14, **kw)
config = {"model_type": "bert", "architectures": ["BertForTokenClassification"],
          "id2label": {str(i): l for i, l in enumerate(LABELS)}, "label2id": {l: i for i, l in enumerate(LABELS)},
          "vocab_size": len(vocab), "hidden_size": H, "num_hidden_layers": 1, "num_attention_heads": 2,
          "intermediate_size": 32, "max_position_embeddings": 64, "type_vocab_size": 2}
json.dump(config, open(os.path.join(OUT, "config.json"), "w"), indent=1, ensure_ascii=False)
added = [{"id": tok_id[t], "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
          "special": True} for t in SPECIAL]
tok = {
    "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
    "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None,
                   "lowercase": True},
    "pre_tokenizer": {"type": "BertPreTokenizer"},
    "post_processor": {"type": "TemplateProcessing",
                       "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                  {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                       "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                                {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
                       "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [tok_id["[CLS]"]], "tokens": ["[CLS]"]},
                                          "[SEP]": {"id": "[SEP]", "ids": [tok_id["[SEP]"]], "tokens": ["[SEP]"]}}},
    "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
    "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
              "max_input_chars_per_word": 100, "vocab": tok_id},
}
json.dump(tok, open(os.path.join(OUT, "tokenizer.json"), "w"), ensure_ascii=False)
json.dump({"tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": 64,
           "cls_token": "[CLS]", "sep_token": "[SEP]", "unk_token": "[UNK]", "pad_token": "[PAD]", "mask_token": "[MASK]"},
          open(os.path.join(OUT, "tokenizer_config.json"), "w"))
print("wrote", OUT, len(vocab), "tokens")
