import { useState, type FormEvent } from 'react';
import { returnReasonSchema, type ReturnReason } from '../../../../shared/api/changes';
import { decisionRequestSchema, firstConversationSchema, type HandoverSummary } from '../../../../shared/api/handover';
import { decisionTerm } from '../../../../shared/api/handover-terms';
import { settings } from '../../../../resources/index';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import type { HubCall } from '../../sync/hub-client';
import { DateField } from '../../ui/date-field';
import { formatDateTime, formatPlainDate } from '../../ui/dutch-date';
import { SelectField } from '../../ui/select-field';
import { TextArea, TextField } from '../../ui/text-field';
import { decisionProblems, planDayProblem, returnProblems, type Problems } from './handover-checks';
import { returnReasonLabels } from './inbox-model';

type How = 'visit' | 'office' | 'phone' | 'video';
const howOptions: readonly { value: How; label: string }[] = [
  { value: 'office', label: 'Op kantoor' },
  { value: 'visit', label: 'Bij de inwoner thuis' },
  { value: 'phone', label: 'Telefoon' },
  { value: 'video', label: 'Video' },
];
const isHow = (v: string): v is How => howOptions.some((o) => o.value === v);

/** What a finished action tells the page: the hub's answer, and the sentence to show when it worked. */
export type Act = (call: () => Promise<HubCall<HandoverSummary>>, done: string) => Promise<boolean>;

/** Accept, or return with a reason: for a handover that is new (return also once accepted). */
export function DecideActions({ handover, contactName, act, onAccept, onReturn }: {
  handover: HandoverSummary;
  /** The counsellor who is signed in: accepting makes them the contact person. */
  contactName: string;
  act: Act;
  onAccept: () => Promise<HubCall<HandoverSummary>>;
  onReturn: (reason: ReturnReason, note: string) => Promise<HubCall<HandoverSummary>>;
}) {
  const [reason, setReason] = useState<ReturnReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Problems<'reason' | 'note'>>({});
  const [busy, setBusy] = useState(false);

  const run = async (call: () => Promise<HubCall<HandoverSummary>>, done: string) => {
    setBusy(true);
    await act(call, done);
    setBusy(false);
  };

  const submitReturn = (event: FormEvent) => {
    event.preventDefault();
    const found = returnProblems(reason, note);
    setErrors(found);
    if (reason === '' || found.reason || found.note) return;
    void run(() => onReturn(reason, note), 'De overdracht is teruggestuurd. De buurtteamwerker ziet de reden.');
  };

  return (
    <>
      {handover.status === 'received' ? (
        <section className="panel" aria-labelledby="accept-title">
          <h3 id="accept-title">Accepteren</h3>
          <p>Wie accepteert, wordt het vaste aanspreekpunt van de inwoner.</p>
          <button type="button" className="button" disabled={busy} onClick={() => void run(onAccept, `De overdracht is geaccepteerd. ${contactName} is nu het vaste aanspreekpunt.`)}>
            Accepteren
          </button>
        </section>
      ) : null}
      <section className="panel" aria-labelledby="return-title">
        <h3 id="return-title">Terugsturen</h3>
        <form onSubmit={submitReturn} noValidate>
          <SelectField
            label="Reden"
            options={[{ value: '', label: 'Kies een reden' }, ...returnReasonSchema.options.map((r) => ({ value: r, label: returnReasonLabels[r] }))]}
            value={reason}
            aria-invalid={errors.reason ? true : undefined}
            onChange={(e) => setReason(returnReasonSchema.safeParse(e.target.value).data ?? '')}
          />
          {errors.reason ? (
            <p className="field__error" role="alert">
              {errors.reason}
            </p>
          ) : null}
          <TextArea
            label="Toelichting voor de buurtteamwerker"
            hint={`Nodig bij ‘${returnReasonLabels.other}’, anders niet verplicht.`}
            value={note}
            maxLength={2000}
            onChange={(e) => setNote(e.target.value)}
            error={errors.note}
          />
          <button type="submit" className="button button--secondary" disabled={busy}>
            Terugsturen
          </button>
        </form>
      </section>
    </>
  );
}

/** Plan (or move) the first conversation: date, time, and where or how. */
export function PlanForm({ handover, act, onPlan }: {
  handover: HandoverSummary;
  act: Act;
  onPlan: (firstConversation: { plannedAt: string; how: How; place: string; phone: string }) => Promise<HubCall<HandoverSummary>>;
}) {
  const planned = handover.firstConversation;
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [how, setHow] = useState<How>(planned?.how ?? 'office');
  const [place, setPlace] = useState(planned?.place ?? '');
  const [phone, setPhone] = useState(planned?.phone ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (date === '') found.date = 'Vul de datum in, zoals 03-12-2026.';
    const early = planDayProblem(date, handover.receivedAt);
    if (early) found.date = early;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) found.time = 'Vul de tijd in, zoals 09:30.';
    const at = found.date || found.time ? null : new Date(`${date}T${time}:00`);
    const parsed = firstConversationSchema.safeParse({ plannedAt: at ? at.toISOString() : '2000-01-01T00:00:00Z', how, place, phone });
    if (!parsed.success) for (const issue of parsed.error.issues) found[String(issue.path[0])] ??= issue.message;
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) return;
    setBusy(true);
    const when = at ? formatDateTime(at.toISOString()) : '';
    await act(() => onPlan(parsed.data), `Het eerste gesprek is gepland op ${when}. De buurtteamwerker ziet dit.`);
    setBusy(false);
  };

  return (
    <section className="panel" aria-labelledby="plan-title">
      <h3 id="plan-title">{planned ? 'Eerste gesprek verzetten' : 'Eerste gesprek plannen'}</h3>
      <p>Het eerste gesprek moet uiterlijk op {formatPlainDate(handover.deadlines.firstConversationBy)} zijn.</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DateField label="Datum" required value={date} onChange={setDate} error={errors.date} />
        <TextField label="Tijd" hint="Bijvoorbeeld 09:30." type="time" required className="input--short" value={time} onChange={(e) => setTime(e.target.value)} error={errors.time} />
        <SelectField label="Hoe" options={howOptions} value={how} onChange={(e) => setHow(isHow(e.target.value) ? e.target.value : 'office')} />
        {how === 'visit' || how === 'office' ? (
          <TextField label="Plaats" hint="Het adres of de kamer." required value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} error={errors.place} />
        ) : null}
        {how === 'phone' ? (
          <TextField label="Telefoonnummer" type="tel" autoComplete="off" required value={phone} maxLength={30} onChange={(e) => setPhone(e.target.value)} error={errors.phone} />
        ) : null}
        <button type="submit" className="button" disabled={busy}>
          {planned ? 'Gesprek verzetten' : 'Gesprek plannen'}
        </button>
      </form>
    </section>
  );
}

/** "Het besluit moet uiterlijk op 29 april 2026 zijn: 8 weken na het eerste gesprek op 4 maart 2026." */
export function decisionTermText(handover: Pick<HandoverSummary, 'firstConversation' | 'deadlines' | 'decision'>): string | null {
  const term = decisionTerm(handover);
  if (!term) return null;
  const due = `${settings.wgs.decisionWeeks} weken na het eerste gesprek op ${formatPlainDate(term.firstConversationOn)}`;
  if (!term.decided) return `Het besluit moet uiterlijk op ${formatPlainDate(term.decisionBy)} zijn: ${due}.`;
  const late = term.decided.daysLate;
  return `Besluit genomen op ${formatPlainDate(term.decided.on)}. De termijn was ${formatPlainDate(term.decisionBy)} (${due}): ${
    late === 0 ? 'op tijd' : `${late} ${late === 1 ? 'dag' : 'dagen'} te laat`
  }.`;
}

/** Record the decision (beschikking): its day and what was decided. For a handover whose first conversation is planned. */
export function DecisionForm({ handover, today, act, onDecide }: {
  handover: HandoverSummary;
  /** Today in the Netherlands (YYYY-MM-DD), as the hub counts it: a decision cannot be recorded ahead. */
  today: string;
  act: Act;
  onDecide: (decidedOn: string, note: string) => Promise<HubCall<HandoverSummary>>;
}) {
  const term = decisionTerm(handover);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Problems<'date' | 'note'>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = decisionProblems({ date, note }, term, today);
    setErrors(found);
    const parsed = decisionRequestSchema.safeParse({ decidedOn: date, note });
    if (found.date || found.note || !parsed.success) return;
    setBusy(true);
    await act(() => onDecide(parsed.data.decidedOn, parsed.data.note), `Het besluit van ${formatPlainDate(date)} is vastgelegd. De buurtteamwerker ziet dit.`);
    setBusy(false);
  };

  return (
    <section className="panel" aria-labelledby="decision-title">
      <h3 id="decision-title">Besluit vastleggen</h3>
      <p>{decisionTermText(handover)}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DateField label="Datum van het besluit" required value={date} max={today} onChange={setDate} error={errors.date} />
        <TextArea
          label="Uitkomst"
          hint="Bijvoorbeeld: toegelaten tot de schuldregeling, of afgewezen en waarom."
          required
          value={note}
          maxLength={2000}
          onChange={(e) => setNote(e.target.value)}
          error={errors.note}
        />
        <button type="submit" className="button" disabled={busy}>
          Besluit vastleggen
        </button>
      </form>
    </section>
  );
}

/** Close the handover: asked once more, because it cannot be undone here. */
export function CloseAction({ act, onClose }: { act: Act; onClose: () => Promise<HubCall<HandoverSummary>> }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setAsking(false);
    setBusy(true);
    await act(onClose, 'De overdracht is afgesloten. De buurtteamwerker ziet dit.');
    setBusy(false);
  };
  return (
    <section className="panel" aria-labelledby="close-title">
      <h3 id="close-title">Afsluiten</h3>
      <p>Sluit de overdracht af als schuldhulp klaar is. Daarna staat hij niet meer in de lijst met open overdrachten.</p>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => setAsking(true)}>
        Overdracht afsluiten
      </button>
      <ConfirmDialog
        open={asking}
        title="Overdracht afsluiten?"
        body="Na het afsluiten kunt u niets meer aan deze overdracht veranderen."
        confirmLabel="Ja, afsluiten"
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
}
