/**
 * Code actions and commands. The actions come from the core (core/src/service/codeActions.ts);
 * this converts spans and titles into LSP shapes. `shitei.showRuleDocumentation` opens a rule's
 * page through `window/showDocument` where the client supports it.
 */
import {
  CodeActionKind, ErrorCodes, MessageType, ResponseError, ShowDocumentRequest, ShowMessageNotification,
  type CodeAction, type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import { diagnosticsAsked, fixAllAction, quickFixActions, SHOW_RULE_DOCUMENTATION } from '../../../core/out/service/index';
import { compareDiagnostics, localize } from '../../../core/out/index';
import type { ServerContext } from '../context';
import type { SheetDocument } from '../documents';
import { toLspDiagnostic, toLspEdits } from '../convert';
import type { DiagnosticsScheduler } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shitei`;
export const APPLY_FIX_ALL = 'shitei.applyFixAll';
const RULE_CODE = /^[a-z0-9-]{1,64}$/;

export function registerCodeActions(ctx: ServerContext, diagnostics: DiagnosticsScheduler): void {
  const { connection } = ctx;

  const fixAllEdits = (doc: SheetDocument) => {
    const result = ctx.analysis.analyze(doc);
    return fixAllAction(doc.text, result.diagnostics, (t) => ctx.analysis.analyzeTextOf(doc.uri, t).diagnostics);
  };

  connection.onCodeAction((params, token) =>
    ctx.request('codeAction', token, () => {
      const doc = ctx.store.get(params.textDocument.uri);
      if (!doc) return [];
      const stepped = diagnostics.step(doc.uri);
      if (!stepped) return [];
      const { result } = stepped;
      const index = doc.lineIndex;
      const span = (r: LspDiagnostic['range']) => ({ start: index.offset(r.start, ctx.encoding), end: index.offset(r.end, ctx.encoding) });
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        const all = [...result.diagnostics, ...ctx.index.diagnosticsFor(doc.uri)].sort(compareDiagnostics);
        const asked = params.context.diagnostics
          .filter((d) => d.source === undefined || d.source === 'shitei')
          .map((d) => ({ code: String(d.code ?? ''), span: span(d.range) }));
        const chosen = diagnosticsAsked(all, span(params.range), params.context.diagnostics.length ? asked : undefined);
        for (const action of quickFixActions(result.sheet, chosen)) {
          actions.push({
            title: localize(action.title, ctx.locale),
            kind: CodeActionKind.QuickFix,
            diagnostics: [toLspDiagnostic(action.diagnostic, index, ctx.encoding, ctx.locale, ctx.docUrl)],
            ...(action.isPreferred ? { isPreferred: true } : {}),
            ...(action.edits ? { edit: { changes: { [doc.uri]: toLspEdits(action.edits, index, ctx.encoding) } } } : {}),
            ...(action.command ? { command: { title: localize(action.title, ctx.locale), command: action.command.command, arguments: action.command.arguments } } : {}),
          });
        }
      }
      if (wants(FIX_ALL_KIND)) {
        // To a fixpoint, so applying fix-all to its own result changes nothing (idempotent).
        const fixAll = fixAllEdits(doc);
        if (fixAll) actions.push({ title: localize(fixAll.title, ctx.locale), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: toLspEdits(fixAll.edits, index, ctx.encoding) } } });
      }
      return actions;
    }));

  connection.onExecuteCommand((params, token) =>
    ctx.request('executeCommand', token, async () => {
      if (params.command === APPLY_FIX_ALL) {
        const uri = String(params.arguments?.[0] ?? '');
        const doc = ctx.store.get(uri);
        if (!doc) return null;
        if (!ctx.client.applyEdit) throw new ResponseError(ErrorCodes.InvalidRequest, 'shitei: the client cannot apply edits (workspace/applyEdit); use the source.fixAll.shitei code action');
        const fixAll = fixAllEdits(doc);
        if (fixAll) await connection.workspace.applyEdit({ label: localize(fixAll.title, ctx.locale), edit: { changes: { [uri]: toLspEdits(fixAll.edits, doc.lineIndex, ctx.encoding) } } });
        return null;
      }
      if (params.command === SHOW_RULE_DOCUMENTATION) {
        const code = params.arguments?.[0];
        if (typeof code !== 'string' || !RULE_CODE.test(code)) throw new ResponseError(ErrorCodes.InvalidParams, 'shitei: showRuleDocumentation takes a rule code');
        const url = ctx.docUrl(code);
        if (url && ctx.client.showDocument) {
          const shown = await connection.sendRequest(ShowDocumentRequest.type, { uri: url, external: !url.startsWith('file:') });
          return { shown: shown.success, uri: url };
        }
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Info,
          message: url ?? localize({ ja: `${code} の説明は docs/rules/${code}.md にあります`, en: `${code} is documented in docs/rules/${code}.md` }, ctx.locale),
        });
        return { shown: false, ...(url ? { uri: url } : {}) };
      }
      throw new ResponseError(ErrorCodes.InvalidParams, `shitei: unknown command`);
    }));
}
