/**
 * Editors' feedback: turns decisions into user-dictionary entries, keeps the
 * dictionary in the store, and (re)loads it into every extraction thread at
 * start and after every change (this thread, and the worker pool's workers).
 * Changes made by another process on the same store (another replica, a job
 * worker) arrive within DICTIONARY_REFRESH_MS (default 30 s).
 */
import type { DecisionInput, DictionaryEntry, Repository } from '../store/repository.js';
import { simplify } from '../store/keys.js';
import type { DictEntry } from '../pipeline/recognise/user-dictionary.js';
import { logger } from '../observability/logger.js';

/** What feedback needs: the store that keeps the dictionary, and the extraction service that applies it. */
export interface FeedbackDeps {
  store?: Repository | null;
  extractor: { setDictionary(entries: DictEntry[]): void };
}


/** The entity a decision refers to, as found in the stored result. */
export interface DecisionTarget {
  type: string;
  name_simplified: string;
}

/**
 * Dictionary changes a decision implies:
 *  - accept of a new span (`add`) or a rename → `add` the name with its type;
 *  - reject → `deny` the entity's name as its type;
 *  - retype → `deny` the old type, `add` the new one;
 *  - accept of a recognised entity → no change (but lifts a deny of that name).
 */
export function dictionaryChanges(d: DecisionInput, target: DecisionTarget | null): DictionaryEntry[] {
  const editor = d.editor;
  const name = d.name ? simplify(d.name) : null;
  switch (d.action) {
    case 'add':
      return name && d.type ? [{ name, type: d.type, action: 'add', editor }] : [];
    case 'rename':
      return name && (d.type ?? target?.type) ? [{ name, type: (d.type ?? target!.type)!, action: 'add', editor }] : [];
    case 'reject': {
      const n = name ?? target?.name_simplified;
      const t = d.type ?? target?.type;
      return n && t ? [{ name: n, type: t, action: 'deny', editor }] : [];
    }
    case 'retype': {
      const n = name ?? target?.name_simplified;
      if (!n || !d.type) return [];
      const out: DictionaryEntry[] = [{ name: n, type: d.type, action: 'add', editor }];
      if (target && target.type !== d.type) out.push({ name: n, type: target.type, action: 'deny', editor });
      return out;
    }
    case 'accept':
      return [];
  }
}

/** One per service: the dictionary's load/reload and its readiness. */
export class Feedback {
  /** resolves once the dictionary was first loaded from the store */
  readonly ready: Promise<void>;
  private chain: Promise<void> = Promise.resolve();

  private fingerprint = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly services: FeedbackDeps,
    /** how often to look for changes made by other processes (other replicas, job workers); 0 = never */
    refreshMs = Number(process.env.DICTIONARY_REFRESH_MS ?? 30_000),
  ) {
    this.ready = this.reload();
    if (refreshMs > 0 && services.store) {
      this.timer = setInterval(() => {
        this.reload(true).catch(() => undefined);
      }, refreshMs);
      this.timer.unref();
    }
  }

  /** Stop looking for changes made elsewhere. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private get store(): Repository | null {
    return this.services.store ?? null;
  }

  /** Read the dictionary from the store and install it in every extraction thread (serialised); `ifChanged`: only when it changed. */
  reload(ifChanged = false): Promise<void> {
    const next = this.chain.then(async () => {
      const store = this.store;
      if (!store) return;
      const entries = (await store.listDictionary()).map((e) => ({ name: e.name, type: e.type, action: e.action }));
      const fingerprint = JSON.stringify(entries);
      if (ifChanged && fingerprint === this.fingerprint) return;
      this.fingerprint = fingerprint;
      this.services.extractor.setDictionary(entries);
      if (ifChanged) logger.info({ entries: entries.length }, 'user dictionary: changed elsewhere, reloaded');
    });
    this.chain = next.catch((e) => {
      if (!ifChanged) logger.error({ err: String(e) }, 'user dictionary: reload failed');
    });
    return next;
  }

  /** Store entries (if any) and reload. */
  async put(entries: DictionaryEntry[]): Promise<void> {
    if (!entries.length || !this.store) return;
    await this.store.putDictionary(entries);
    await this.reload();
  }
}

const instances = new WeakMap<FeedbackDeps, Feedback>();

/** The Feedback of these services (created, and the dictionary loaded, on first use). */
export function feedbackFor(services: FeedbackDeps): Feedback {
  let f = instances.get(services);
  if (!f) instances.set(services, (f = new Feedback(services)));
  return f;
}
