/**
 * The "shitei" output channel: lifecycle events only (start, dictionary, restarts, config
 * warnings, failures). Never document text, never file contents: a drafter's sheets are
 * classified material, and logs get pasted into bug reports.
 */
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function outputChannel(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('shitei', { log: true });
  return channel;
}

export const log = {
  info: (message: string) => outputChannel().info(message),
  warn: (message: string) => outputChannel().warn(message),
  error: (message: string) => outputChannel().error(message),
};
