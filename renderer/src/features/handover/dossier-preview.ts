import type { Dossier } from '../../../../shared/api/dossier';
import { formatEuro } from '../../../../shared/domain/finance';
import { nl } from '../../i18n/nl';
import { nlHandover } from '../../i18n/nl-handover';
import { nlIntake } from '../../i18n/nl-intake';
import { formatPlainDate } from '../../ui/dutch-date';

/**
 * The dossier as people read it: built from the dossier itself, not from the intake, so the preview
 * the worker and the resident see holds exactly the words that will be sent, and nothing else. The
 * counsellor's screen can show the same sections.
 */

export interface PreviewLine {
  label: string;
  value: string;
}

export interface PreviewSection {
  /** Stable key for React and tests. */
  key: string;
  title: string;
  lines: PreviewLine[];
}

const t = nlHandover.preview;
const orEmpty = (value: string) => (value.trim() === '' ? t.empty : value);
const line = (label: string, value: string): PreviewLine => ({ label, value: orEmpty(value) });

function householdSection(d: Dossier): PreviewSection {
  const c = d.client;
  const street = `${c.street} ${c.huisnummer}`.trim();
  const place = [c.postcode, c.town].filter((v) => v !== '').join(' ');
  return {
    key: 'household',
    title: t.household,
    lines: [
      line(t.name, c.name),
      line(t.address, [street, place].filter((v) => v !== '').join(', ')),
      ...c.members.map((m) =>
        line(t.member, [`${m.firstName} ${m.lastName}`.trim(), m.role === 'adult' ? t.adult : t.child, m.age === null ? '' : t.age(m.age)].filter(Boolean).join(', ')),
      ),
      line(t.channel, nl.form.channels[c.contact.channel]),
      line(t.phone, c.contact.phone),
      line(t.email, c.contact.email),
      line(t.bestTime, c.contact.bestTime),
      line(t.contactNote, c.contact.note),
    ],
  };
}

function domainSections(d: Dossier): PreviewSection[] {
  return d.domains.map((x) => ({
    key: `domain-${x.domainId}`,
    title: t.domain(x.title),
    lines: [
      line(t.score, x.score === null ? '' : t.scoreValue(x.score)),
      line(t.ownView, x.ownView),
      line(t.goesWell, x.goesWell),
      line(t.wishes, x.wishes),
      ...x.actions.map((a) => line(t.action, [a.who, a.what, a.due === null ? t.noDate : formatPlainDate(a.due)].filter(Boolean).join(' — '))),
    ],
  }));
}

function signalsSection(s: NonNullable<Dossier['signals']>): PreviewSection {
  return {
    key: 'signals',
    title: t.signals,
    lines: [
      ...s.crisisTypes.map((c) => line(t.crisis, c.name)),
      ...s.items.flatMap((x) => [
        line(x.crisissignaal ? t.crisisSignal : t.signal, `${x.title} (${t.since(formatPlainDate(x.ontstaansdatum))})`),
        ...(x.note === undefined ? [] : [line(t.note, x.note)]),
      ]),
      ...(s.items.length === 0 ? [line(t.signal, '')] : []),
    ],
  };
}

function financesSection(f: NonNullable<Dossier['finances']>): PreviewSection {
  const amount = (cents: number | null) => (cents === null ? t.amountUnknown : formatEuro(cents));
  return {
    key: 'finances',
    title: t.finances,
    lines: [
      ...f.inkomsten.map((i) => line(t.income, `${nlIntake.incomeSources[i.inkomstenbron]}: ${t.perMonth(formatEuro(i.nettoBedragCents))}`)),
      ...f.fixedCosts.map((c) => line(t.fixedCost, `${nlIntake.fixedCostKinds[c.kind]}: ${t.perMonth(formatEuro(c.monthlyCents))}`)),
      line(t.balance, t.perMonth(formatEuro(f.monthlyBalanceCents))),
      ...f.schulden.map((s) =>
        line(t.debt, `${s.schuldeiser.naam} (${nlIntake.debtTypes[s.debtType]}): ${amount(s.bedragCents)}, ${t.stageSince(nlIntake.debtStages[s.stage], formatPlainDate(s.stageDate))}`),
      ),
      ...f.debtsByStage
        .filter((s) => s.count > 0)
        .map((s) => line(t.debtStage(nlIntake.debtStages[s.stage]), t.debtTotalValue(s.count, formatEuro(s.knownAmountCents), s.unknownAmountCount))),
      line(t.debtTotal, t.debtTotalValue(f.debtTotals.count, formatEuro(f.debtTotals.knownAmountCents), f.debtTotals.unknownAmountCount)),
      ...f.betalingsregelingen.map((a) => line(t.arrangement, `${a.schuldeiser.naam}: ${t.perMonth(formatEuro(a.monthlyCents))}`)),
      line(t.budgetManagement, f.begeleiding === null ? t.none : f.begeleiding.soort),
      line(t.selfEmployed, f.ondernemer ? t.yes : t.no),
      line(t.householdType, f.householdType === null ? '' : nlIntake.householdTypes[f.householdType]),
    ],
  };
}

/** Every part of the dossier, in the order a counsellor reads it. */
export function dossierPreview(d: Dossier): PreviewSection[] {
  const a = d.aanmelding;
  const consent = d.consent;
  return [
    {
      key: 'handover',
      title: t.handover,
      lines: [
        line(t.to, d.recipients.map((r) => r.name).join(', ')),
        line(t.consent, t.consentValue(consent.method === 'signed', formatPlainDate(consent.givenOn), formatPlainDate(consent.validUntil))),
        line(t.requestDate, formatPlainDate(a.startdatum)),
        line(t.urgent, a.crisisinterventie ? t.yes : t.no),
        line(t.firstConversationBy, formatPlainDate(a.deadlines.firstConversationBy)),
        line(t.decisionBy, formatPlainDate(a.deadlines.decisionBy)),
      ],
    },
    householdSection(d),
    { key: 'request', title: t.request, lines: [line(t.ownWords, d.hulpvraag), line(t.tried, d.triedSoFar)] },
    ...domainSections(d),
    ...(d.signals ? [signalsSection(d.signals)] : []),
    ...(d.finances ? [financesSection(d.finances)] : []),
    {
      key: 'worker',
      title: t.worker,
      lines: [
        line(t.name, d.contactpersoon.naam),
        line(t.role, d.contactpersoon.functietitel),
        line(t.organisation, d.contactpersoon.organisation),
        line(t.phone, d.contactpersoon.telefoonnummer),
        line(t.email, d.contactpersoon.email),
      ],
    },
  ];
}
