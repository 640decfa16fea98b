/**
 * Command-line options for every `shitei` command: Node's util.parseArgs (long and short
 * forms, `--opt=value`, `--`), plus the checks it does not make: an option given twice, an
 * empty value, a value outside its choices. Every problem is a UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import type { Locale } from '../../core/out/index';

export class UsageError extends Error {}

export interface OptionSpec {
  short?: string;
  /** The allowed values, when the option takes one of a list. */
  choices?: readonly string[];
  /** A check of the value; returns a message when it is wrong. */
  check?: (value: string) => string | undefined;
  /** A flag that takes no value (`--fix`); its value is then the string "true" when given. */
  flag?: boolean;
}

export function parseOptions<K extends string>(
  argv: readonly string[],
  specs: Record<K, OptionSpec>,
  /** true: no PATH is a valid call (e.g. `check --stdin`); the caller checks the combination. */
  pathsOptional = false,
): { values: Partial<Record<K, string>>; paths: string[] } {
  const options = Object.fromEntries(Object.entries<OptionSpec>(specs).map(([name, s]) => [name, { type: s.flag ? ('boolean' as const) : ('string' as const), ...(s.short ? { short: s.short } : {}) }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new UsageError(`--${token.name} given twice`);
    seen.add(token.name);
  }
  const values = parsed.values as Partial<Record<K, string>>;
  for (const [name, spec] of Object.entries<OptionSpec>(specs)) {
    if (spec.flag) {
      if (values[name as K] !== undefined) values[name as K] = 'true';
      continue;
    }
    const value = values[name as K];
    if (value === undefined) continue;
    if (value === '') throw new UsageError(`--${name} needs a value`);
    if (spec.choices && !spec.choices.includes(value)) throw new UsageError(`unknown ${name} "${value}" (${spec.choices.join(', ')})`);
    const problem = spec.check?.(value);
    if (problem) throw new UsageError(`--${name} ${problem}`);
  }
  if (parsed.positionals.length === 0 && !pathsOptional) throw new UsageError('no PATH given');
  return { values, paths: parsed.positionals };
}

export const LOCALES: readonly Locale[] = ['ja', 'en'];

/** --locale, else SHITEI_LOCALE=en, else Japanese. */
export function localeOf(value: string | undefined, env: NodeJS.ProcessEnv): Locale {
  return (value as Locale | undefined) ?? (env.SHITEI_LOCALE === 'en' ? 'en' : 'ja');
}
