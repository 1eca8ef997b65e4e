import { z } from 'zod';
import type { DraftRepository } from '../../data/contracts';
import { nl } from '../../i18n/nl';
import { Alert } from '../../ui/alert';
import { parseAge, type HouseholdFormValues } from './household-form-model';

/** The draft of the household form: a new household, or the edit of an existing one. */
export const householdDraftId = (householdId?: string): string => (householdId ? `household:${householdId}` : 'household:new');

/** Only the shape is checked (a draft may be half-typed and invalid); a draft of another shape is ignored. */
const draftSchema = z.object({
  name: z.string().max(10_000),
  postcode: z.string().max(1_000),
  // Drafts from before the address fields have none: they restore as empty.
  street: z.string().max(1_000).default(''),
  houseNumber: z.string().max(1_000).default(''),
  town: z.string().max(1_000).default(''),
  members: z
    .array(
      z.object({
        id: z.string().min(1),
        firstName: z.string().max(10_000),
        lastName: z.string().max(10_000).optional(),
        role: z.enum(['adult', 'child']),
        age: z.unknown().transform(parseAge),
      }),
    )
    .max(100),
  contact: z
    .object({
      channel: z.enum(['phone', 'sms', 'email', 'letter', 'visit']),
      phone: z.string(),
      email: z.string(),
      bestTime: z.string(),
      note: z.string(),
    })
    .partial()
    .optional(),
});

/** The restored form values, or null when there is no usable draft. */
export function parseHouseholdDraft(value: unknown): HouseholdFormValues | null {
  const parsed = draftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Stores the values as the draft, or drops the draft when they are back to what the form started from. */
export async function keepHouseholdDraft(drafts: DraftRepository, id: string, initial: HouseholdFormValues, values: HouseholdFormValues): Promise<'kept' | 'dropped'> {
  if (JSON.stringify(values) === JSON.stringify(initial)) {
    await drafts.discard(id);
    return 'dropped';
  }
  await drafts.save(id, values);
  return 'kept';
}

export type DraftState = 'idle' | 'saving' | 'kept' | 'failed';

/** A quiet line that says the unsaved input is safe on this device (the household itself is not saved yet). */
export function DraftStatus({ state }: { state: DraftState }) {
  const text = { idle: null, saving: nl.form.draftSaving, kept: nl.form.draftKept, failed: nl.form.draftFailed }[state];
  return (
    <p className={`save-status__text save-status__text--${state}`} role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}

/** "We put back what you had typed", with a way to throw it away. */
export function DraftRestoredNotice({ onStartOver }: { onStartOver: () => void }) {
  return (
    <div className="notice-bar">
      <Alert kind="notice">{nl.form.draftRestored}</Alert>
      <button type="button" className="button button--secondary" onClick={onStartOver}>
        {nl.form.startOver}
      </button>
    </div>
  );
}
