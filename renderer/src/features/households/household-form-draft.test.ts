import { describe, expect, it } from 'vitest';
import { createFakeDrafts } from '../../testing/fake-services';
import { emptyHousehold } from './household-form-model';
import { householdDraftId, keepHouseholdDraft, parseHouseholdDraft } from './household-form-draft';

describe('household form draft', () => {
  it('names the draft after the form: a new household, or the one being edited', () => {
    const id = crypto.randomUUID();
    expect(householdDraftId()).toBe('household:new');
    expect(householdDraftId(id)).toBe(`household:${id}`);
  });

  it('keeps what the worker typed, and drops the draft once the form is back where it started', async () => {
    const drafts = createFakeDrafts();
    const initial = emptyHousehold();
    const typed = { ...initial, name: 'Familie Bakker', postcode: '6411' };
    await keepHouseholdDraft(drafts, 'household:new', initial, typed);
    expect(parseHouseholdDraft(await drafts.load('household:new'))).toEqual(typed);
    await keepHouseholdDraft(drafts, 'household:new', initial, structuredClone(initial));
    expect(await drafts.load('household:new')).toBeNull();
  });

  it('restores half-typed, invalid values as they were', () => {
    const values = { ...emptyHousehold(), postcode: '64', members: [{ id: 'x', firstName: '', role: 'child', age: 'tien' }] };
    expect(parseHouseholdDraft(values)).toMatchObject({ postcode: '64', members: [{ firstName: '', role: 'child', age: Number.NaN }] });
  });

  it('restores a draft from before the address fields with an empty address, and keeps a typed one', () => {
    const old = { name: 'Familie Bakker', postcode: '6411', members: [{ id: 'x', firstName: 'Bart', role: 'adult', age: null }] };
    expect(parseHouseholdDraft(old)).toMatchObject({ street: '', houseNumber: '', town: '' });
    expect(parseHouseholdDraft({ ...old, street: 'Akerstr', houseNumber: '1', town: 'Heer' })).toMatchObject({ street: 'Akerstr', houseNumber: '1', town: 'Heer' });
  });

  it('ignores a draft of another shape instead of breaking the form', () => {
    expect(parseHouseholdDraft(null)).toBeNull();
    expect(parseHouseholdDraft({ name: 'Familie Bakker' })).toBeNull();
    expect(parseHouseholdDraft({ ...emptyHousehold(), members: 'Bart' })).toBeNull();
  });
});
