/**
 * A minimal stand-in for the `vscode` module, so the extension's adapter code (conversion,
 * store, document scan) runs in plain Node: the adapter benchmark and the unit tests load the
 * real modules against it. Only what those modules touch at run time is here.
 */
import Module from 'node:module';

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  isEqual(o: Position): boolean {
    return this.line === o.line && this.character === o.character;
  }
  isBefore(o: Position): boolean {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
  isAfter(o: Position): boolean {
    return o.isBefore(this);
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c as number, d as number) : (b as Position);
  }
  isEqual(o: Range): boolean {
    return this.start.isEqual(o.start) && this.end.isEqual(o.end);
  }
  contains(p: Position): boolean {
    return !p.isBefore(this.start) && !p.isAfter(this.end);
  }
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Location {
  constructor(
    readonly uri: Uri,
    readonly range: Range,
  ) {}
}

export class DiagnosticRelatedInformation {
  constructor(
    readonly location: Location,
    readonly message: string,
  ) {}
}

export class Diagnostic {
  source?: string;
  code?: string | number | { value: string | number; target: Uri };
  relatedInformation?: DiagnosticRelatedInformation[];
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class EventEmitter<T> {
  private listeners: Array<(e: T) => void> = [];
  readonly event = (listener: (e: T) => void): { dispose(): void } => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

const stub = {
  Position,
  Range,
  DiagnosticSeverity,
  Uri,
  Location,
  DiagnosticRelatedInformation,
  Diagnostic,
  EventEmitter,
  StatusBarAlignment,
};

let installed = false;

/** Makes `require('vscode')` return this stub (idempotent). */
export function installVscodeStub(): void {
  if (installed) return;
  installed = true;
  const m = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = m._load;
  m._load = function (request: string, ...rest: unknown[]): unknown {
    return request === 'vscode' ? stub : load.call(this, request, ...rest);
  };
}

function flatten(s: string): number {
  return Number(s.length > 0 ? s.charCodeAt(s.length >> 1) : 0) | (s as unknown as number);
}

/** A text document with `positionAt`/`getText`, as the adapter sees one (line starts cached per version). */
export class FakeDocument {
  private starts: number[] | undefined;
  version = 1;
  constructor(
    readonly uri: Uri,
    private text: string,
    readonly languageId = 'typescript',
  ) {}
  getText(): string {
    return this.text;
  }
  /** Replaces `[start, end)` like an editor keystroke does. */
  edit(start: number, end: number, newText: string): void {
    this.text = this.text.slice(0, start) + newText + this.text.slice(end);
    // Flatten V8's rope now, as an editor's buffer is already updated when the change event
    // reaches the extension; otherwise the first read in the adapter would pay for the edit.
    flatten(this.text);
    this.starts = undefined;
    this.version++;
  }
  positionAt(offset: number): Position {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1))
        this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return new Position(lo, offset - this.starts[lo]);
  }
}

// Installed on import: the importing file must import this module before any adapter module.
installVscodeStub();
