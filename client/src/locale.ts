/** The language the extension speaks: the shitei.locale setting, or VS Code's display language. */
import * as vscode from 'vscode';

export interface Localized {
  ja: string;
  en: string;
}

export function messageLocale(): string {
  const setting = vscode.workspace.getConfiguration('shitei').get<string>('locale', 'auto');
  return setting === 'ja' || setting === 'en' ? setting : vscode.env.language;
}

export const isJapanese = (): boolean => messageLocale().toLowerCase().startsWith('ja');

export function t(message: Localized): string {
  return isJapanese() ? message.ja : message.en;
}
