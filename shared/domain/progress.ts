import type { DomainEntry, Intake, LifeDomain } from './intake.schema';

/** Where the conversation is per life domain, for the intake overview. */

export type DomainStatus = 'done' | 'not-applicable' | 'started' | 'untouched';

export interface DomainProgress {
  id: string;
  title: string;
  order: number;
  status: DomainStatus;
  score: number | null;
}

export interface IntakeProgress {
  domains: DomainProgress[];
  /** Discussed or marked not applicable: what "N van 14 besproken" counts. */
  done: number;
  notApplicable: number;
  started: number;
  untouched: number;
  total: number;
}

/** Not applicable when marked so; done when marked done; started when anything was filled in; otherwise untouched. */
export function domainStatus(entry: DomainEntry | undefined): DomainStatus {
  if (!entry) return 'untouched';
  if (entry.notApplicable === true) return 'not-applicable';
  if (entry.done) return 'done';
  const touched =
    entry.score !== null || entry.actions.length > 0 || [entry.ownView, entry.goesWell, entry.wishes].some((t) => t.trim() !== '');
  return touched ? 'started' : 'untouched';
}

/** Status of every life domain in conversation order, with counts. */
export function intakeProgress(intake: Pick<Intake, 'domains'>, domains: readonly LifeDomain[]): IntakeProgress {
  const list = [...domains]
    .sort((a, b) => a.order - b.order)
    .map((d) => {
      const entry = intake.domains[d.id];
      return { id: d.id, title: d.title, order: d.order, status: domainStatus(entry), score: entry?.score ?? null };
    });
  const count = (s: DomainStatus) => list.filter((d) => d.status === s).length;
  return { domains: list, done: count('done') + count('not-applicable'), notApplicable: count('not-applicable'), started: count('started'), untouched: count('untouched'), total: list.length };
}

/** The first domain in order that is neither done nor not applicable, to continue the conversation; null when none is left. */
export function nextDomain(intake: Pick<Intake, 'domains'>, domains: readonly LifeDomain[]): DomainProgress | null {
  return intakeProgress(intake, domains).domains.find((d) => d.status === 'started' || d.status === 'untouched') ?? null;
}
