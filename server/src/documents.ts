/**
 * The one document type the server analyses, whether the editor holds it (OpenDocument, kept
 * with vscode-languageserver-textdocument under incremental sync) or it was read from disk
 * (DiskDocument). Change ranges arrive in the negotiated position encoding; TextDocument counts
 * UTF-16, so ranges in UTF-8 / UTF-32 are converted against the text each change applies to.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { LineIndex, type ColumnEncoding } from '../../core/out/index';

/** What analysis needs of a document, open in the editor or read from disk. */
export interface SheetDocument {
  readonly uri: string;
  /** The editor's version; negative for a copy read from disk. */
  readonly version: number;
  readonly text: string;
  readonly lineIndex: LineIndex;
}

/** A workspace file as it is on disk (not open in the editor). */
export class DiskDocument implements SheetDocument {
  private index?: LineIndex;

  constructor(readonly uri: string, readonly version: number, readonly text: string) {}

  get lineIndex(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }
}

export class OpenDocument implements SheetDocument {
  private index?: LineIndex;

  constructor(readonly document: TextDocument) {}

  get uri(): string {
    return this.document.uri;
  }
  get version(): number {
    return this.document.version;
  }
  get text(): string {
    return this.document.getText();
  }
  get lineIndex(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  constructor(public encoding: ColumnEncoding = 'utf-16') {}

  open(uri: string, languageId: string, version: number, text: string): OpenDocument {
    const doc = new OpenDocument(TextDocument.create(uri, languageId, version, text));
    this.docs.set(uri, doc);
    return doc;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | undefined {
    const current = this.docs.get(uri);
    if (!current) return undefined;
    let document = current.document;
    for (const change of changes) {
      if ('range' in change && this.encoding !== 'utf-16') {
        const index = new LineIndex(document.getText());
        const start = this.toUtf16(document, index, change.range.start);
        const end = this.toUtf16(document, index, change.range.end);
        document = TextDocument.update(document, [{ range: { start, end }, text: change.text }], version);
      } else {
        document = TextDocument.update(document, [change], version);
      }
    }
    const updated = new OpenDocument(document);
    this.docs.set(uri, updated);
    return updated;
  }

  close(uri: string): void {
    this.docs.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  private toUtf16(document: TextDocument, index: LineIndex, position: Position): Position {
    return document.positionAt(index.offset(position, this.encoding));
  }
}
