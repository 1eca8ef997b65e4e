import { z } from 'zod';
import type { Consent, Recipient } from '../../../../shared/domain/consent.schema';
import { consentSchema, consentValidUntil } from '../../../../shared/domain/consent.schema';
import { hasSomethingToShare } from '../../../../shared/domain/dossier';
import type { Intake, LifeDomain } from '../../../../shared/domain/intake.schema';
import type { Result } from '../../../../shared/result';
import { fail, ok } from '../../../../shared/result';
import { nlHandover } from '../../i18n/nl-handover';

/**
 * The consent form's model: what the screen offers, what it starts with, and how a filled-in form
 * becomes a Consent. Consent is an active choice, so nothing starts ticked.
 */

const t = nlHandover.consentForm;

export const consentFormSchema = z
  .object({
    domains: z.array(z.string()),
    finances: z.boolean(),
    signals: z.boolean(),
    notes: z.boolean(),
    recipients: z.array(z.string()).min(1, t.chooseRecipient),
    method: z.enum(['spoken', 'signed']).nullable(),
  })
  .superRefine((f, ctx) => {
    if (f.method === null) ctx.addIssue({ code: 'custom', path: ['method'], message: t.chooseMethod });
    if (f.notes && !f.signals) ctx.addIssue({ code: 'custom', path: ['notes'], message: t.notesNeedSignals });
  });
export type ConsentForm = z.infer<typeof consentFormSchema>;

export const emptyConsentForm = (): ConsentForm => ({ domains: [], finances: false, signals: false, notes: false, recipients: [], method: null });

/** What there is to share: only that is offered. */
export interface ConsentChoices {
  domains: LifeDomain[];
  finances: boolean;
  signals: boolean;
  notes: boolean;
  recipients: readonly Recipient[];
}

export function consentChoices(intake: Intake, lifeDomains: readonly LifeDomain[], recipients: readonly Recipient[]): ConsentChoices {
  const f = intake.finances;
  return {
    domains: lifeDomains.filter((d) => hasSomethingToShare(intake.domains[d.id])),
    finances: f.incomes.length + f.fixedCosts.length + f.debts.length + f.paymentArrangements.length > 0,
    signals: intake.signals.length > 0,
    notes: intake.signals.some((s) => s.note !== ''),
    recipients,
  };
}

export interface ConsentContext {
  id: string;
  householdId: string;
  today: string;
  /** ISO datetime from the injected clock. */
  now: string;
  validMonths: number;
  choices: ConsentChoices;
}

/** The Consent the form describes, or the first problem as `input.invalid` with its Dutch message. */
export function consentFromForm(form: ConsentForm, ctx: ConsentContext): Result<Consent> {
  const parsed = consentFormSchema.safeParse(form);
  if (!parsed.success) return fail('input.invalid', { message: parsed.error.issues[0]?.message ?? t.chooseRecipient });
  const f = parsed.data;
  const offered = new Set(ctx.choices.domains.map((d) => d.id));
  const known = new Set(ctx.choices.recipients.map((r) => r.id));
  if (f.recipients.some((r) => !known.has(r))) return fail('input.invalid', { message: t.chooseRecipient });
  const consent: Consent = {
    id: ctx.id,
    householdId: ctx.householdId,
    scope: {
      domains: f.domains.filter((d) => offered.has(d)),
      finances: f.finances && ctx.choices.finances,
      signals: f.signals && ctx.choices.signals,
      notes: f.notes && f.signals && ctx.choices.notes,
    },
    recipients: f.recipients,
    method: f.method ?? 'spoken',
    givenOn: ctx.today,
    validUntil: consentValidUntil(ctx.today, ctx.validMonths),
    withdrawnOn: null,
    recordedAt: ctx.now,
  };
  const checked = consentSchema.safeParse(consent);
  return checked.success ? ok(checked.data) : fail('input.invalid', { message: checked.error.issues[0]?.message ?? t.chooseRecipient });
}

/** One change a worker makes in the form. */
export type ConsentFormChange =
  | { field: 'domain'; id: string; on: boolean }
  | { field: 'recipient'; id: string; on: boolean }
  | { field: 'finances' | 'signals' | 'notes'; on: boolean }
  | { field: 'method'; method: 'spoken' | 'signed' };

const toggle = (list: readonly string[], id: string, on: boolean): string[] => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id));

/** The form after one change; taking the signals away takes their notes with them. */
export function changeConsentForm(form: ConsentForm, change: ConsentFormChange): ConsentForm {
  switch (change.field) {
    case 'domain':
      return { ...form, domains: toggle(form.domains, change.id, change.on) };
    case 'recipient':
      return { ...form, recipients: toggle(form.recipients, change.id, change.on) };
    case 'signals':
      return { ...form, signals: change.on, notes: change.on && form.notes };
    case 'finances':
    case 'notes':
      return { ...form, [change.field]: change.on };
    case 'method':
      return { ...form, method: change.method };
  }
}
