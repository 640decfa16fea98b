/**
 * Types shared by every part of the core. Offsets are UTF-16 code-unit indices into the
 * document text *without* its BOM (the text a JavaScript string holds); adapters turn them
 * into LSP positions (UTF-16/UTF-8/UTF-32) or the CLI's 1-based code-point columns.
 */

/** A half-open span [start, end) of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A replacement of the text in `span` by `newText`: the one form every fix takes. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A message in both of the languages the tool speaks. */
export interface Localized {
  ja: string;
  en: string;
}

export type Locale = 'ja' | 'en';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A calendar day; month 1–12, day 1–31. Always a day that exists. */
export interface SimpleDate {
  year: number;
  month: number;
  day: number;
}

export function localize(message: Localized, locale: Locale): string {
  return locale === 'ja' ? message.ja : message.en;
}
