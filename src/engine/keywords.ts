/**
 * Which of many keywords occur in a text, case-insensitively, in one pass: an Aho-Corasick
 * automaton over a compact alphabet (the characters the keywords use; every other character
 * is one "other" class). A regex alternation of hundreds of literals tries each at every
 * position; the automaton does one table lookup per character (~5x faster on real files) and,
 * unlike the alternation, also sees keywords that overlap or sit inside longer ones.
 */
export class KeywordMatcher {
  /** Lower-cased, distinct keywords, in the order given. */
  readonly keywords: readonly string[];
  /** Keyword → its index in `keywords`. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Character code → alphabet class (0 = a character no keyword uses). */
  private readonly classOf = new Uint8Array(65536);
  private readonly asciiClassOf: Uint8Array;
  /** Transition table: `next[(state << shift) | class]` is the next state. */
  private readonly next: Uint16Array;
  private readonly shift: number;
  /** States from here on have keywords ending at them; from `anchorFrom` on, anchors. */
  private readonly outputFrom: number;
  private readonly anchorFrom: number;
  /** Per state: the keywords ending there (including those ending at its suffixes). */
  private readonly outputs: (readonly number[] | undefined)[];
  /** Per keyword: 1 when its every occurrence is reported (an anchor). */
  private readonly isAnchor: Uint8Array;
  private readonly lengths: Int32Array;
  /** Per state / keyword: the generation (call) that last reported it. */
  private readonly stateDone: Uint32Array;
  private readonly keywordDone: Uint32Array;
  private generation = 0;
  /** Reused between calls: (keyword, start) pairs of the anchors seen in each half of the text. */
  private readonly hitBuffers = [new Int32Array(1024), new Int32Array(1024)];
  private readonly counts = new Int32Array(2);
  /** Reused between calls: the text as bytes, when it is ASCII. */
  private bytes = new Uint8Array(64 * 1024);
  /** Length of the longest keyword. */
  private readonly longest: number;

  /**
   * `anchors`: keywords whose every occurrence `scan` reports (rules read their positions
   * instead of searching the text again); they are added to `keywords` when missing.
   */
  constructor(keywords: Iterable<string>, anchors: Iterable<string> = []) {
    const lowerAnchors = [...anchors].map((k) => k.toLowerCase()).filter((k) => k.length > 0);
    this.keywords = [...new Set([...keywords].map((k) => k.toLowerCase()).filter((k) => k.length > 0).concat(lowerAnchors))];
    this.indexOf = new Map(this.keywords.map((k, i) => [k, i]));
    this.isAnchor = new Uint8Array(this.keywords.length);
    for (const a of lowerAnchors) this.isAnchor[this.indexOf.get(a)!] = 1;
    this.lengths = Int32Array.from(this.keywords, (k) => k.length);
    let slot = 0;
    this.anchorSlots = Int32Array.from(this.isAnchor, (a) => (a === 1 ? slot++ : -1));
    this.anchorCount = slot;
    this.fill = new Int32Array(slot);
    this.longest = Math.max(1, ...this.lengths);
    const chars = [...new Set(this.keywords.join(''))].sort();
    if (chars.length > 254) throw new Error('KeywordMatcher: keywords use more than 254 distinct characters');
    chars.forEach((ch, i) => {
      this.classOf[ch.charCodeAt(0)] = i + 1;
      const upper = ch.toUpperCase();
      if (upper.length === 1 && upper !== ch) this.classOf[upper.charCodeAt(0)] = i + 1;
    });
    const width = chars.length + 1;
    this.asciiClassOf = this.classOf.slice(0, 256);

    // The trie: rows[state][class] = child or -1.
    const rows: Int32Array[] = [new Int32Array(width).fill(-1)];
    const outputs: number[][] = [[]];
    this.keywords.forEach((word, index) => {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const c = this.classOf[word.charCodeAt(i)];
        let child = rows[state][c];
        if (child < 0) {
          child = rows.length;
          rows.push(new Int32Array(width).fill(-1));
          outputs.push([]);
          rows[state][c] = child;
        }
        state = child;
      }
      outputs[state].push(index);
    });

    // Breadth-first: failure links folded into a complete transition table.
    const fail = new Int32Array(rows.length);
    const queue: number[] = [];
    for (let c = 0; c < width; c++) {
      const child = rows[0][c];
      if (child < 0) rows[0][c] = 0;
      else queue.push(child);
    }
    for (let q = 0; q < queue.length; q++) {
      const state = queue[q];
      for (let c = 0; c < width; c++) {
        const child = rows[state][c];
        if (child < 0) {
          rows[state][c] = rows[fail[state]][c];
        } else {
          fail[child] = rows[fail[state]][c];
          outputs[child].push(...outputs[fail[child]]);
          queue.push(child);
        }
      }
    }
    // Renumber the states so that those where no keyword ends come first, then those where one
    // does, then those where an anchor does: the hot loop tells them apart by comparing the
    // state with two thresholds, without loading anything.
    const rank = (state: number): number =>
      outputs[state].length === 0 ? 0 : outputs[state].some((k) => this.isAnchor[k] === 1) ? 2 : 1;
    const order = rows.map((_, state) => state).sort((a, b) => rank(a) - rank(b) || a - b);
    const number = new Int32Array(rows.length);
    order.forEach((state, i) => (number[state] = i));
    // Rows padded to a power of two: the hot loop finds a row by a shift (`state << shift`), and
    // state numbers fit 16 bits, so the table is half the size it would be otherwise.
    this.shift = Math.max(1, Math.ceil(Math.log2(width)));
    const size = rows.length << this.shift;
    if (rows.length > 65536) throw new Error('KeywordMatcher: more than 65,536 states');
    this.next = new Uint16Array(size);
    this.outputs = new Array<readonly number[] | undefined>(rows.length);
    // A plain loop: as a `forEach` callback this body was optimised and thrown away hundreds of
    // times over per thread while two worker threads built their automata at once.
    const next = this.next;
    for (let i = 0; i < order.length; i++) {
      const state = order[i];
      const at = i << this.shift;
      const row = rows[state];
      for (let c = 0; c < width; c++) next[at + c] = number[row[c]];
      const out = outputs[state];
      if (out.length > 0) this.outputs[i] = out;
    }
    const firstWith = (r: number): number => {
      const i = order.findIndex((state) => rank(state) >= r);
      return i < 0 ? rows.length : i;
    };
    this.outputFrom = firstWith(1);
    this.anchorFrom = firstWith(2);
    this.stateDone = new Uint32Array(rows.length);
    this.keywordDone = new Uint32Array(this.keywords.length);
  }

  /** Indexes (into `keywords`) of the keywords that occur in `text`, each once. */
  found(text: string): number[] {
    return this.scan(text).found;
  }

  /**
   * One pass over `text`: the keywords that occur (indexes, each once) and, for anchors, the
   * start offset of every occurrence (ascending per anchor). `ascii`: the text's bytes, when the
   * caller has them and every character is ASCII (one byte each), saving the encoding.
   */
  scan(text: string, ascii?: Uint8Array): KeywordHits {
    // Stamps instead of per-call arrays: a state or keyword is "done" in this call when it holds
    // this call's generation (no allocation per text; history scans call this per added hunk).
    const gen = this.nextGeneration();
    const found: number[] = [];
    this.counts[0] = 0;
    this.counts[1] = 0;
    const n = text.length;
    // The caller's bytes when they are the text's (a file read as ASCII); else encoded here.
    const given = ascii !== undefined && ascii.length === n ? ascii : undefined;
    const bytes = n >= TWO_STREAMS_MIN ? (given ?? this.asciiBytes(text)) : undefined;
    if (bytes) this.runTwo(bytes, gen, found);
    else this.run(text, 0, n, 0, gen, found);
    return new KeywordHits(this, found, gen, this.groupAnchors());
  }

  /**
   * Counting sort of this call's anchor occurrences by anchor (rules usually ask for several),
   * into one array: `anchorCount + 1` run ends, then the offsets, each anchor's a contiguous
   * ascending run. The array is reused from text to text (typed arrays of more than 64 bytes
   * live outside V8's heap and cost about a microsecond each to allocate): what a pass
   * returned reads it only until the next pass. Undefined when no anchor occurs.
   */
  private groupAnchors(): Int32Array | undefined {
    const [a, b] = this.counts;
    if (a + b === 0) return undefined;
    const slots = this.anchorSlots;
    const count = this.anchorCount;
    const size = count + 1 + (a + b) / 2;
    // Grown for a text with many anchors; not kept that large for the small texts after it.
    if (this.grouped.length < size || (this.grouped.length > MAX_KEPT_OFFSETS && size <= 4096)) {
      this.grouped = new Int32Array(Math.max(size, 4096));
    }
    const out = this.grouped;
    out.fill(0, 0, count + 1);
    for (let h = 0; h < 2; h++) {
      const hits = this.hitBuffers[h];
      const n = this.counts[h];
      for (let p = 0; p < n; p += 2) out[slots[hits[p]] + 1]++;
    }
    for (let s = 1; s <= count; s++) out[s] += out[s - 1];
    const fill = this.fill;
    for (let s = 0; s < count; s++) fill[s] = count + 1 + out[s];
    for (let h = 0; h < 2; h++) {
      const hits = this.hitBuffers[h];
      const n = this.counts[h];
      for (let p = 0; p < n; p += 2) out[fill[slots[hits[p]]]++] = hits[p + 1];
    }
    return out;
  }

  /** The automaton over [from, to), reporting what ends there into buffer `into`. */
  private run(text: string, from: number, to: number, into: number, gen: number, found: number[]): void {
    const { classOf, next, outputFrom, anchorFrom, stateDone, shift } = this;
    let state = 0;
    for (let i = from; i < to; i++) {
      state = next[(state << shift) | classOf[text.charCodeAt(i)]];
      if (state >= outputFrom && (state >= anchorFrom || stateDone[state] !== gen)) this.report(state, i, into, gen, found);
    }
  }

  /**
   * `text` as bytes when it is all ASCII (one byte per character, same offsets), else undefined.
   * Reading a byte array is about twice as fast as `charCodeAt`, and encoding ASCII costs next
   * to nothing (~10 GB/s).
   */
  private asciiBytes(text: string): Uint8Array | undefined {
    if (ENCODER === undefined) return undefined;
    const n = text.length;
    if (this.bytes.length < n) this.bytes = new Uint8Array(Math.max(n, this.bytes.length * 2));
    const view = this.bytes.subarray(0, n);
    const { read, written } = ENCODER.encodeInto(text, view);
    const ascii = read === n && written === n;
    // A one-off huge text does not keep its buffer.
    if (this.bytes.length > MAX_KEPT_BYTES) this.bytes = new Uint8Array(0);
    return ascii ? view : undefined;
  }

  /**
   * Two independent walks in one loop: the first half of the bytes and the second (started
   * `longest - 1` characters early so that keywords across the middle are seen, and reporting
   * only what ends in its own half). Each step of a walk waits for the table load of the step
   * before it; interleaving two walks keeps the processor busy during that wait.
   */
  private runTwo(bytes: Uint8Array, gen: number, found: number[]): void {
    const half = bytes.length >>> 1;
    const lead = Math.max(0, half - this.longest + 1);
    const b = this.walkTwo(bytes, half, lead, gen, found);
    this.runTail(bytes, lead + half, half, b, gen, found);
  }

  /**
   * The interleaved walks over [0, half) and [lead, lead + half); returns the second's state.
   * Only the loop: V8 compiles a long-running loop while it runs (on-stack replacement) with the
   * type feedback gathered so far, and code after the loop that had not yet run — the tail walk,
   * when this was one method — made it throw that code away and rebuild it up to hundreds of
   * times a scan.
   */
  private walkTwo(bytes: Uint8Array, half: number, lead: number, gen: number, found: number[]): number {
    const { next, outputFrom, anchorFrom, stateDone, shift } = this;
    // The ASCII slice of the class table: 128 bytes stay in the fastest cache.
    const classOf = this.asciiClassOf;
    let a = 0;
    let b = 0;
    let j = lead;
    // A state already reported in this call is skipped without a call unless it records anchors
    // (`=` or `key` end thousands of times in a file).
    for (let i = 0; i < half; i++, j++) {
      a = next[(a << shift) | classOf[bytes[i]]];
      b = next[(b << shift) | classOf[bytes[j]]];
      if (a >= outputFrom && (a >= anchorFrom || stateDone[a] !== gen)) this.report(a, i, 0, gen, found);
      if (b >= outputFrom && j >= half && (b >= anchorFrom || stateDone[b] !== gen)) this.report(b, j, 1, gen, found);
    }
    return b;
  }

  /** The second walk's last steps, from `j` in state `b` (its run ends at the text's end). */
  private runTail(bytes: Uint8Array, j: number, half: number, b: number, gen: number, found: number[]): void {
    const { next, outputFrom, anchorFrom, stateDone, shift } = this;
    const classOf = this.asciiClassOf;
    for (const n = bytes.length; j < n; j++) {
      b = next[(b << shift) | classOf[bytes[j]]];
      if (b >= outputFrom && j >= half && (b >= anchorFrom || stateDone[b] !== gen)) this.report(b, j, 1, gen, found);
    }
  }

  /** Keywords ending at `end` in `state`: anchors recorded, first sightings added to `found`. */
  private report(state: number, end: number, into: number, gen: number, found: number[]): void {
    const outputs = this.outputs[state]!;
    if (state >= this.anchorFrom) {
      // Anchors are recorded at every occurrence: (keyword, start) pairs.
      for (const k of outputs) {
        if (this.isAnchor[k] === 0) continue;
        let hits = this.hitBuffers[into];
        const count = this.counts[into];
        if (count + 2 > hits.length) {
          const grown = new Int32Array(hits.length * 2);
          grown.set(hits);
          hits = this.hitBuffers[into] = grown;
        }
        hits[count] = k;
        hits[count + 1] = end + 1 - this.lengths[k];
        this.counts[into] = count + 2;
      }
    }
    // Common keywords such as `key` recur thousands of times: after the first time their
    // states cost two array reads.
    if (this.stateDone[state] === gen) return;
    this.stateDone[state] = gen;
    for (const k of outputs) {
      if (this.keywordDone[k] !== gen) {
        this.keywordDone[k] = gen;
        found.push(k);
      }
    }
  }

  /** Keyword index → dense anchor number (for anchors; -1 otherwise), and how many anchors. */
  readonly anchorSlots: Int32Array;
  readonly anchorCount: number;
  /** Reused by `groupAnchors`: the next free place of each anchor's run. */
  private readonly fill: Int32Array;
  /** Reused by `groupAnchors`: the last pass's anchor offsets (grown as needed). */
  private grouped = new Int32Array(4096);

  /** Whether the call of generation `gen` is still the matcher's last (its grouped offsets unchanged). */
  isCurrent(gen: number): boolean {
    return gen === this.generation;
  }

  /** Whether keyword `i` was seen by the call of generation `gen` (undefined once another call ran). */
  sawIn(gen: number, i: number): boolean | undefined {
    return this.isCurrent(gen) ? this.keywordDone[i] === gen : undefined;
  }

  /** Whether keyword `i` is an anchor (every occurrence reported). */
  isAnchorIndex(i: number): boolean {
    return this.isAnchor[i] === 1;
  }

  private nextGeneration(): number {
    if (this.generation === 0xffffffff) {
      this.stateDone.fill(0);
      this.keywordDone.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}

const NO_HITS = new Int32Array(0);
/** Below this length one walk over the text is as fast as two. */
const TWO_STREAMS_MIN = 2048;
/** The byte buffer is dropped after a text longer than this (it is kept for the next text otherwise). */
const MAX_KEPT_BYTES = 8 << 20;
/** The anchor-offset buffer is replaced by a small one after a text needing more than this many entries. */
const MAX_KEPT_OFFSETS = 1 << 20;

/** UTF-8 encoder of the host (Node and browsers have one); the engine types no platform globals. */
interface Utf8Encoder {
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}
const ENCODER: Utf8Encoder | undefined = (() => {
  const ctor = (globalThis as unknown as { TextEncoder?: new () => Utf8Encoder }).TextEncoder;
  return ctor ? new ctor() : undefined;
})();

/** What one keyword pass saw: which keywords occur, and where each anchor starts. */
export class KeywordHits {
  private seen: Uint8Array | undefined;

  constructor(
    private readonly matcher: KeywordMatcher,
    /** Indexes of the keywords that occur, each once. */
    readonly found: number[],
    /** The matcher's call that saw them. */
    private readonly gen: number,
    /** The anchors' offsets grouped by anchor: run ends by anchor slot, then the offsets. */
    private readonly grouped: Int32Array | undefined,
  ) {}

  /** Whether `keyword` occurs (case-insensitively); undefined when the pass did not look for it. */
  saw(keyword: string): boolean | undefined {
    const i = this.matcher.indexOf.get(keyword);
    if (i === undefined) return undefined;
    // The matcher's stamps answer until it scans another text; then a set of our own does.
    const stamped = this.seen === undefined ? this.matcher.sawIn(this.gen, i) : undefined;
    if (stamped !== undefined) return stamped;
    if (this.seen === undefined) {
      this.seen = new Uint8Array(this.matcher.keywords.length);
      for (const k of this.found) this.seen[k] = 1;
    }
    return this.seen[i] === 1;
  }

  /**
   * Start offsets of every occurrence of the anchor `keyword`, ascending. Undefined when it is
   * not an anchor, or once the matcher has scanned another text (the offsets live in a buffer
   * it reuses); the scan context then searches the text itself.
   */
  starts(keyword: string): ArrayLike<number> | undefined {
    const i = this.matcher.indexOf.get(keyword);
    if (i === undefined || !this.matcher.isAnchorIndex(i)) return undefined;
    const grouped = this.grouped;
    if (grouped === undefined) return NO_HITS;
    if (!this.matcher.isCurrent(this.gen)) return undefined;
    const slot = this.matcher.anchorSlots[i];
    const base = this.matcher.anchorCount + 1;
    return grouped.subarray(base + grouped[slot], base + grouped[slot + 1]);
  }
}
