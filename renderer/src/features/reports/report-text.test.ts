import { describe, expect, it } from 'vitest';
import { catalogueTexts, checkB1, formatProblems } from '../../i18n/b1-check';
import { b1Rules } from '../../i18n/b1-rules';
import { reportText } from './report-text';

describe('the dashboard’s words', () => {
  it('are plain Dutch (B1): short sentences, plain words, no "u" for the team lead', () => {
    const texts = catalogueTexts('reportText', reportText);
    expect(texts.length).toBeGreaterThan(60);
    const problems = checkB1(texts, b1Rules);
    expect(problems, formatProblems(problems)).toEqual([]);
  });
});
