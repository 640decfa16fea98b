/**
 * `.shiteirc.json`: the one configuration the editor and the CLI both read, so the same file
 * and config give the same diagnostics everywhere. This module is pure; finding and reading
 * the file is in ../node/configFile.ts.
 */
import type { Localized, Severity, SimpleDate } from '../types';
import { quoteUntrustedName } from '../text/controlChars';

/** Problems listed one by one; past this many, one line counts the rest (a file of 100,000 bad keys). */
const MAX_LISTED_PROBLEMS = 20;

export type SeveritySetting = Severity | 'off';

export interface ShiteiConfigFile {
  rules?: Record<string, SeveritySetting>;
  /** ISO date used as "today" by date-relative rules, for reproducible reviews and tests. */
  today?: string;
  expirySoonDays?: number;
  /** Extra agency names to accept as known (agency-unknown). */
  agencies?: string[];
  /** Documents longer than this many characters are not analysed (one diagnostic instead). */
  maxDocumentChars?: number;
}

export interface ResolvedConfig {
  rules: Readonly<Record<string, SeveritySetting>>;
  today: SimpleDate;
  expirySoonDays: number;
  agencies: readonly string[];
  maxDocumentChars: number;
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
export const DEFAULT_MAX_DOCUMENT_CHARS = 2_000_000;

export function todayLocal(now = new Date()): SimpleDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

/**
 * Checks a parsed JSON value against the config's shape; returns the usable part and a
 * message for each problem (unknown keys, wrong types, unknown rule codes).
 */
export function validateConfig(json: unknown, knownCodes: ReadonlySet<string>): { config: ShiteiConfigFile; problems: Localized[] } {
  const problems: Localized[] = [];
  const config: ShiteiConfigFile = {};
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push({ ja: '設定はJSONオブジェクトでなければなりません', en: 'the configuration must be a JSON object' });
    return { config, problems };
  }
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    switch (key) {
      case '$schema':
        break;
      case 'rules':
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          problems.push({ ja: '"rules" はオブジェクトでなければなりません', en: '"rules" must be an object' });
          break;
        }
        config.rules = {};
        for (const [code, sev] of Object.entries(value as Record<string, unknown>)) {
          if (!knownCodes.has(code)) {
            // The key is the file's text: quoted short and escaped, never whole.
            problems.push({ ja: `"rules" に未知の規則コード ${quoteUntrustedName(code)} があります`, en: `"rules" names an unknown rule code ${quoteUntrustedName(code)}` });
          } else if (typeof sev !== 'string' || !SEVERITY_SETTINGS.includes(sev as SeveritySetting)) {
            problems.push({
              ja: `"rules.${code}" は off, hint, info, warning, error のいずれかです`,
              en: `"rules.${code}" must be one of off, hint, info, warning, error`,
            });
          } else {
            config.rules[code] = sev as SeveritySetting;
          }
        }
        break;
      case 'today':
        if (typeof value !== 'string' || !parseIsoDate(value)) {
          problems.push({ ja: '"today" は YYYY-MM-DD 形式の実在する日付です', en: '"today" must be an existing date as YYYY-MM-DD' });
        } else config.today = value;
        break;
      case 'expirySoonDays':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
          problems.push({ ja: '"expirySoonDays" は0以上の整数です', en: '"expirySoonDays" must be a non-negative integer' });
        } else config.expirySoonDays = value;
        break;
      case 'agencies':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
          problems.push({ ja: '"agencies" は文字列の配列です', en: '"agencies" must be an array of strings' });
        } else config.agencies = value as string[];
        break;
      case 'maxDocumentChars':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
          problems.push({ ja: '"maxDocumentChars" は1以上の整数です', en: '"maxDocumentChars" must be a positive integer' });
        } else config.maxDocumentChars = value;
        break;
      default:
        problems.push({ ja: `未知の設定項目 ${quoteUntrustedName(key)}`, en: `unknown configuration key ${quoteUntrustedName(key)}` });
    }
  }
  if (problems.length > MAX_LISTED_PROBLEMS) {
    const more = problems.length - MAX_LISTED_PROBLEMS;
    problems.splice(MAX_LISTED_PROBLEMS, more, { ja: `ほか${more}件の問題`, en: `and ${more} more problems` });
  }
  return { config, problems };
}

/** Layers configs: later ones override earlier ones key by key (rules merge per code). */
export function resolveConfig(...layers: (ShiteiConfigFile | undefined)[]): ResolvedConfig {
  const rules: Record<string, SeveritySetting> = {};
  let today: SimpleDate | undefined;
  let expirySoonDays = 90;
  const agencies: string[] = [];
  let maxDocumentChars = DEFAULT_MAX_DOCUMENT_CHARS;
  for (const layer of layers) {
    if (!layer) continue;
    Object.assign(rules, layer.rules ?? {});
    if (layer.today) today = parseIsoDate(layer.today) ?? today;
    if (layer.expirySoonDays !== undefined) expirySoonDays = layer.expirySoonDays;
    // A loop, not push(...list): a spread passes every name as an argument, and 130,000 of them overflow the stack.
    for (const name of layer.agencies ?? []) agencies.push(name);
    if (layer.maxDocumentChars !== undefined) maxDocumentChars = layer.maxDocumentChars;
  }
  return { rules, today: today ?? todayLocal(), expirySoonDays, agencies, maxDocumentChars };
}

function parseIsoDate(s: string): SimpleDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = { year: +m[1], month: +m[2], day: +m[3] };
  const probe = new Date(Date.UTC(d.year, d.month - 1, d.day));
  return probe.getUTCFullYear() === d.year && probe.getUTCMonth() === d.month - 1 && probe.getUTCDate() === d.day ? d : undefined;
}
