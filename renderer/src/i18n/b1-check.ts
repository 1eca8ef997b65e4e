/**
 * A plain-language (B1) check over every text the app shows: sentence length, words to avoid, and
 * who "u" is. Pure, so the test can run it over the catalogues and resources and over a bad example.
 */

/** One text and where it lives, e.g. `nl.signIn.intro` or `resources/signals.json[3].description`. */
export interface TextItem {
  source: string;
  text: string;
}

export interface AvoidWord {
  /** The word or phrase as written, lower case; matched as whole words, any case. */
  word: string;
  /** What to write instead. */
  use: string;
}

export interface B1Exception {
  /** The source of the text as the failure message names it: exact, or a prefix ending in '.', '/' or ':' (a whole file). */
  source: string;
  /** What is allowed there: 'length', a word from the avoid list, or 'u'. */
  allows: string;
  reason: string;
}

export interface B1Rules {
  maxWords: number;
  avoid: readonly AvoidWord[];
  /** Sources (exact, or a prefix ending in '.', '/' or ':') whose sentences the worker reads aloud: "u" is the resident there. */
  readAloud: readonly { source: string; reason: string }[];
  exceptions: readonly B1Exception[];
}

export interface B1Problem {
  source: string;
  sentence: string;
  why: string;
}

/** Splits a text into sentences at . ! ? … followed by a space or the end ("1.234,56" stays whole). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

/** Words as a reader counts them: runs of letters or digits ("1.234,56", "zzp'er" and "e-mail" are one). */
export function wordsOf(sentence: string): string[] {
  return sentence.match(/[\p{L}\p{N}]+(?:[.,'’\-/][\p{L}\p{N}]+)*/gu) ?? [];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'iu');
/** "u", "uw", "u'" as words: the formal you. */
const youForm = /(?<![\p{L}\p{N}])(u|uw)(?![\p{L}\p{N}])/iu;

const covers = (prefix: string, source: string) => source === prefix || (/[./:]$/.test(prefix) && source.startsWith(prefix));

/** Every problem in `items`; empty when all is plain. */
export function checkB1(items: readonly TextItem[], rules: B1Rules): B1Problem[] {
  const avoid = rules.avoid.map((a) => ({ ...a, re: wholeWord(a.word) }));
  const allowed = (source: string, what: string) => rules.exceptions.some((e) => covers(e.source, source) && e.allows === what);
  const problems: B1Problem[] = [];
  const seen = new Set<string>();
  const add = (p: B1Problem) => {
    const key = `${p.source}\n${p.sentence}\n${p.why}`;
    if (!seen.has(key)) problems.push(p);
    seen.add(key);
  };
  for (const { source, text } of items) {
    const readAloud = rules.readAloud.some((r) => covers(r.source, source));
    for (const sentence of sentencesOf(text)) {
      const words = wordsOf(sentence).length;
      if (words > rules.maxWords && !allowed(source, 'length')) {
        add({ source, sentence, why: `${words} words; at most ${rules.maxWords}. Split it into shorter sentences.` });
      }
      for (const a of avoid) {
        if (a.re.test(sentence) && !allowed(source, a.word)) add({ source, sentence, why: `uses "${a.word}"; write "${a.use}".` });
      }
      if (!readAloud && youForm.test(sentence) && !allowed(source, 'u')) {
        add({ source, sentence, why: '"u" is only the resident, read aloud. Tell the worker in the imperative ("Vul de pincode in"), or add the source to readAloud in b1-rules.ts with a reason.' });
      }
    }
  }
  return problems;
}

/** One line per problem: where, which sentence, why. */
export function formatProblems(problems: readonly B1Problem[]): string {
  return problems.map((p) => `${p.source}: "${p.sentence}" — ${p.why}`).join('\n');
}

/** Stand-ins for a text function's arguments: a short word or a number, like the real ones. */
const SAMPLE_ARGS: readonly unknown[] = [2, 'Jansen', 3, 'Jansen'];

/**
 * Every text in a catalogue object, with its key path as source. Functions are called with sample
 * arguments (a number, then a word), so "…werkdagen…" templates are checked as shown.
 */
export function catalogueTexts(name: string, catalogue: unknown): TextItem[] {
  const out: TextItem[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push({ source: path, text: value });
    else if (typeof value === 'function') {
      const fn = value as (...args: unknown[]) => unknown;
      const texts = new Set<string>();
      for (const args of [SAMPLE_ARGS.slice(0, fn.length), Array.from({ length: fn.length }, () => 1), Array.from({ length: fn.length }, () => 'Jansen')]) {
        try {
          const result = fn(...args);
          if (typeof result === 'string') texts.add(result);
        } catch {
          // A template that needs other arguments is checked with the next sample.
        }
      }
      for (const text of texts) out.push({ source: `${path}()`, text });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  walk(catalogue, name);
  return out;
}

/**
 * Dutch sentences written straight into code (zod messages, component strings): every quoted string
 * that starts with a capital, has a space and ends with . ? or !, as `file:line`. Template holes read as one word.
 */
export function sourceTexts(file: string, source: string): TextItem[] {
  const out: TextItem[] = [];
  const literal = /'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;
  source.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*|import )/.test(line)) return;
    for (const m of line.matchAll(literal)) {
      const text = (m[1] ?? m[2] ?? '').replace(/\$\{[^}]*\}/g, 'X');
      if (/^\p{Lu}\S*\s.*[.?!]$/u.test(text)) out.push({ source: `${file}:${i + 1}`, text });
    }
  });
  return out;
}

/** The texts in a resource file: string values under the given keys (titles, descriptions, …), not ids. */
export function resourceTexts(file: string, data: unknown, keys: ReadonlySet<string>): TextItem[] {
  const out: TextItem[] = [];
  const walk = (value: unknown, path: string, key: string | null) => {
    if (typeof value === 'string') {
      if (key !== null && keys.has(key)) out.push({ source: path, text: value });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, key));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, k);
  };
  walk(data, `resources/${file}`, null);
  return out;
}
