/**
 * Hover, completion, document symbols, folding and inlay hints: answers from the core's
 * language service, converted to the client's position encoding and the formats it accepts
 * (plaintext where it takes no markdown, flat symbols where it has no hierarchy).
 */
import {
  CompletionItemKind, FoldingRangeKind, InsertTextFormat, MarkupKind, SymbolKind,
  type DocumentSymbol, type SymbolInformation,
} from 'vscode-languageserver';
import { hoverAt, completionsAt, type CompletionKind, documentSymbols, foldingRanges, inlayHints } from '../../../core/out/service/index';
import type { ServerContext } from '../context';
import { markdownToPlainText, toRange } from '../convert';

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  field: CompletionItemKind.Field,
  section: CompletionItemKind.Module,
  reference: CompletionItemKind.Reference,
  value: CompletionItemKind.EnumMember,
  agency: CompletionItemKind.Value,
  date: CompletionItemKind.Constant,
};

const SYMBOL_KIND = { header: SymbolKind.Namespace, field: SymbolKind.Field, section: SymbolKind.String };

export function registerFeatures(ctx: ServerContext): void {
  const { connection } = ctx;
  const sheetOf = (uri: string) => {
    const doc = ctx.store.get(uri);
    const sheet = doc && ctx.analysis.analyze(doc).sheet;
    return doc && sheet ? { doc, sheet } : undefined;
  };
  const markup = (markdown: string, allowsMarkdown: boolean) =>
    allowsMarkdown ? { kind: MarkupKind.Markdown, value: markdown } : { kind: MarkupKind.PlainText, value: markdownToPlainText(markdown) };

  connection.onHover((params, token) =>
    ctx.request('hover', token, () => {
      const open = sheetOf(params.textDocument.uri);
      if (!open) return null;
      const hover = hoverAt(open.sheet, open.doc.lineIndex.offset(params.position, ctx.encoding), ctx.locale, ctx.analysis.configFor(open.doc.uri).today);
      return hover ? { contents: markup(hover.contents, ctx.client.hoverMarkdown), range: toRange(open.doc.lineIndex, hover.span, ctx.encoding) } : null;
    }));

  connection.onCompletion((params, token) =>
    ctx.request('completion', token, () => {
      const open = sheetOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, sheet } = open;
      const entries = completionsAt(sheet, doc.lineIndex.offset(params.position, ctx.encoding), ctx.analysis.configFor(doc.uri), ctx.locale, { words: ctx.analysis.words });
      return entries.map((e) => ({
        label: e.label,
        kind: COMPLETION_KIND[e.kind],
        detail: e.detail,
        documentation: e.documentation ? markup(e.documentation, ctx.client.completionMarkdown) : undefined,
        sortText: e.sortText,
        filterText: e.filterText ?? e.label,
        ...(e.labelDetail || e.labelDescription ? { labelDetails: { detail: e.labelDetail, description: e.labelDescription } } : {}),
        ...(e.preselect ? { preselect: true } : {}),
        insertTextFormat: InsertTextFormat.PlainText,
        textEdit: { range: toRange(doc.lineIndex, e.span, ctx.encoding), newText: e.insertText },
      }));
    }));

  connection.onDocumentSymbol((params, token) =>
    ctx.request('documentSymbol', token, (): DocumentSymbol[] | SymbolInformation[] => {
      const open = sheetOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, sheet } = open;
      const symbols = documentSymbols(sheet);
      if (!ctx.client.hierarchicalSymbols) {
        // Flat SymbolInformation[], each child naming its container.
        const flat: SymbolInformation[] = [];
        const visit = (s: (typeof symbols)[number], container?: string) => {
          flat.push({ name: s.name, kind: SYMBOL_KIND[s.kind], location: { uri: doc.uri, range: toRange(doc.lineIndex, s.span, ctx.encoding) }, ...(container ? { containerName: container } : {}) });
          for (const c of s.children) visit(c, s.name);
        };
        for (const s of symbols) visit(s);
        return flat;
      }
      const convert = (s: (typeof symbols)[number]): DocumentSymbol => ({
        name: s.name,
        detail: s.detail,
        kind: SYMBOL_KIND[s.kind],
        range: toRange(doc.lineIndex, s.span, ctx.encoding),
        selectionRange: toRange(doc.lineIndex, s.selectionSpan, ctx.encoding),
        children: s.children.map(convert),
      });
      return symbols.map(convert);
    }));

  connection.onFoldingRanges((params, token) =>
    ctx.request('foldingRange', token, () => {
      const open = sheetOf(params.textDocument.uri);
      if (!open) return [];
      return foldingRanges(open.sheet).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: r.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region }));
    }));

  connection.languages.inlayHint.on((params, token) =>
    ctx.request('inlayHint', token, () => {
      const open = sheetOf(params.textDocument.uri);
      if (!open) return [];
      const { doc, sheet } = open;
      const from = doc.lineIndex.offset(params.range.start, ctx.encoding);
      const to = doc.lineIndex.offset(params.range.end, ctx.encoding);
      return inlayHints(sheet, ctx.locale, ctx.analysis.configFor(doc.uri).today)
        .filter((h) => h.offset >= from && h.offset <= to)
        .map((h) => ({ position: doc.lineIndex.position(h.offset, ctx.encoding), label: h.label, tooltip: h.tooltip, paddingLeft: false }));
    }));
}
