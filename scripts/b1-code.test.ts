import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkB1, formatProblems, sourceTexts, type TextItem } from '../renderer/src/i18n/b1-check';
import { b1Rules } from '../renderer/src/i18n/b1-rules';

/**
 * The B1 check over Dutch written straight into code (zod messages, component strings), beside
 * renderer/src/i18n/b1.test.ts for the catalogues and resources. Here because it reads files.
 */

const root = join(import.meta.dirname, '..');
/** Tests, test helpers and fixtures hold made-up quotes; the catalogues are checked in b1.test.ts. */
const skip = /\.test\.tsx?$|\/testing\/|\/fixtures\/|\/i18n\//;

function codeTexts(): TextItem[] {
  return ['renderer/src', 'shared'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .map((f) => `${dir}/${f}`)
      .filter((f) => /\.tsx?$/.test(f) && !skip.test(f))
      .flatMap((f) => sourceTexts(f, readFileSync(join(root, f), 'utf8'))),
  );
}

describe('B1 check of the Dutch in code', () => {
  it('finds the zod messages and component sentences', () => {
    const texts = codeTexts();
    expect(texts.some((t) => t.source.startsWith('shared/domain/household.schema.ts:') && t.text === 'Vul een voornaam in.')).toBe(true);
    expect(texts.length).toBeGreaterThan(50);
  });

  it('has short sentences, plain words, and "u" only for the resident', () => {
    const problems = checkB1(codeTexts(), b1Rules);
    expect(problems, `Plain Dutch (B1), see renderer/src/i18n/b1-rules.ts:\n${formatProblems(problems)}`).toEqual([]);
  });
});
