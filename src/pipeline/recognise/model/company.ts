// Second stage: decide COMPANY vs ORG for an ORG span (model trained on CLUENER company vs
// government/organization + Resume ORG; see training/company.py). Features must match company.py.

export interface CompanyStageSpec {
  kind: 'char-ngram-logreg' | 'suffix-rules';
  /** logreg */
  bias?: number;
  weights?: Record<string, number>;
  threshold?: number;
  /** rules (also used as the documented baseline) */
  suffixes?: string[];
}

/** Feature strings for a span (text = normalised sentence). Mirrors training/company.py::features. */
export function companyFeatures(text: string, start: number, end: number): string[] {
  const s = text.slice(start, end);
  const m = `^${s}$`;
  const f: string[] = [];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= m.length; i++) f.push(`g${n}:${m.slice(i, i + n)}`);
  for (let k = 1; k <= 4 && k <= s.length; k++) f.push(`suf:${s.slice(s.length - k)}`);
  for (let k = 1; k <= 2 && k <= s.length; k++) f.push(`pre:${s.slice(0, k)}`);
  f.push(`len:${Math.min(s.length, 12)}`);
  f.push(`lc:${start > 0 ? text[start - 1] : '^'}`);
  f.push(`rc:${end < text.length ? text[end] : '$'}`);
  f.push(`rc2:${text.slice(end, end + 2)}`);
  return f;
}

export class CompanyStage {
  constructor(readonly spec: CompanyStageSpec) {}

  /** probability that the ORG span is a company */
  score(text: string, start: number, end: number): number {
    const spec = this.spec;
    if (spec.kind === 'suffix-rules') {
      const s = text.slice(start, end);
      return (spec.suffixes ?? []).some((x) => s.endsWith(x)) ? 1 : 0;
    }
    let z = spec.bias ?? 0;
    const w = spec.weights ?? {};
    for (const f of companyFeatures(text, start, end)) z += w[f] ?? 0;
    return 1 / (1 + Math.exp(-z));
  }

  isCompany(text: string, start: number, end: number): boolean {
    return this.score(text, start, end) >= (this.spec.threshold ?? 0.5);
  }
}
