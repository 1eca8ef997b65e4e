import { describe, expect, it } from 'vitest';
import { historyLabel } from '../../i18n/history-labels';
import { legacyHistoryChange } from './legacy-history';

describe('history lines stored as Dutch labels before version 5', () => {
  it('reads every kind of label back into a section and field names', () => {
    expect(legacyHistoryChange('Huishouden — aangemaakt')).toEqual({ section: 'household', fields: ['created'] });
    expect(legacyHistoryChange('Huishouden — gegevens')).toEqual({ section: 'household', fields: ['details'] });
    expect(legacyHistoryChange('Signalen')).toEqual({ section: 'signals', fields: [] });
    expect(legacyHistoryChange('Financiën — inkomen, vaste lasten, hulp die al gebruikt wordt')).toEqual({
      section: 'finances',
      fields: ['incomes', 'fixedCosts', 'usesHelp'],
    });
    expect(legacyHistoryChange('Geld — Hoe ziet u het zelf?, Wensen')).toEqual({ section: 'domain:geld', fields: ['ownView', 'wishes'] });
    // The life domain "Huishouden" is not the household itself.
    expect(legacyHistoryChange('Huishouden — Score')).toEqual({ section: 'domain:huishouden', fields: ['score'] });
    expect(legacyHistoryChange('Alcohol, drugs en gokken — Afspraken')).toEqual({ section: 'domain:verslaving', fields: ['actions'] });
  });

  it('keeps a label it cannot read as a legacy line with its text', () => {
    expect(legacyHistoryChange('Geld — Iets nieuws')).toEqual({ section: 'legacy', fields: [], text: 'Geld — Iets nieuws' });
    expect(legacyHistoryChange('Onbekend leefgebied — Score')).toMatchObject({ section: 'legacy' });
  });

  it('shows a moved line the way it was shown before', () => {
    for (const label of ['Huishouden — aangemaakt', 'Signalen', 'Financiën — schulden, zelfstandig ondernemer', 'Mentale gezondheid — Wat gaat goed?', 'Iets anders']) {
      expect(historyLabel(legacyHistoryChange(label))).toBe(label);
    }
  });
});
