import { useEffect, useRef, useState } from 'react';
import { dossierSchema, type Dossier } from '../../../../shared/api/dossier';
import type { HandoverDossierResponse } from '../../../../shared/api/handover';
import { lifeDomains } from '../../../../resources/index';
import { errorText } from '../../i18n/errors';
import type { HubCall } from '../../sync/hub-client';
import { Alert } from '../../ui/alert';
import { formatDateTime } from '../../ui/dutch-date';
import { SelectField } from '../../ui/select-field';
import { diffDossiers, diffSectionTitles, type DiffSection, type DossierChange } from './dossier-diff';

const domainTitles: ReadonlyMap<string, string> = new Map(lifeDomains.map((d) => [d.id, d.title]));


/** What changed from version `from` to version `to`, grouped by part of the dossier. */
export function DossierDiffView({ from, to, changes }: { from: number; to: number; changes: readonly DossierChange[] }) {
  const sections = [...new Set(changes.map((c) => c.section))];
  return (
    <div className="dossier-diff">
      {changes.length === 0 ? <p>Versie {to} is gelijk aan versie {from}. Er is niets veranderd.</p> : <p>{changes.length === 1 ? 'Er is 1 ding veranderd.' : `Er zijn ${changes.length} dingen veranderd.`}</p>}
      {sections.map((section: DiffSection) => (
        // Not a region: the dossier below has regions with the same names.
        <div key={section}>
          <h4 id={`diff-${section}`}>{diffSectionTitles[section]}</h4>
          <ul>
            {changes
              .filter((c) => c.section === section)
              .map((c, i) => (
                <li key={i}>
                  {c.text}
                  {c.before !== undefined && c.after !== undefined ? (
                    <dl className="details dossier-diff__words">
                      <dt>Was</dt>
                      <dd className="preserve-lines">{c.before}</dd>
                      <dt>Nu</dt>
                      <dd className="preserve-lines">{c.after}</dd>
                    </dl>
                  ) : null}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

type Compared = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; from: number; changes: DossierChange[] };

/**
 * The versions the hub holds (number, when received), and what changed between an older one and the one on
 * screen. An older version is fetched only when asked for: each read is written to the hub's audit log.
 */
export function DossierVersions({ read, dossier, loadVersion, onExpired }: {
  read: Pick<HandoverDossierResponse, 'version' | 'versions'>;
  dossier: Dossier | null;
  loadVersion: (version: number) => Promise<HubCall<HandoverDossierResponse>>;
  onExpired: () => void;
}) {
  const older = read.versions.filter((v) => v.version < read.version).map((v) => v.version);
  const [from, setFrom] = useState<number | null>(older.at(-1) ?? null);
  const [compared, setCompared] = useState<Compared>({ kind: 'idle' });
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (compared.kind === 'done' || compared.kind === 'failed') resultRef.current?.focus();
  }, [compared]);

  const compare = async () => {
    if (from === null || dossier === null) return;
    setCompared({ kind: 'loading' });
    const answer = await loadVersion(from);
    if (answer.kind === 'http' && answer.status === 401) return onExpired();
    if (answer.kind !== 'ok') return setCompared({ kind: 'failed', message: errorText(answer.error) });
    const old = dossierSchema.safeParse(answer.value.dossier);
    if (!old.success) return setCompared({ kind: 'failed', message: `Versie ${from} kan niet worden getoond.` });
    setCompared({ kind: 'done', from, changes: diffDossiers(old.data, dossier, domainTitles) });
  };

  return (
    <section className="panel" aria-labelledby="versions-title">
      <h2 id="versions-title">Versies</h2>
      <ol className="versions">
        {[...read.versions].reverse().map((v) => (
          <li key={v.version}>
            <strong>Versie {v.version}</strong>, ontvangen op {formatDateTime(v.receivedAt)}
            {v.version === read.version ? ' (deze versie staat hieronder)' : ''}
          </li>
        ))}
      </ol>
      {older.length > 0 && dossier !== null ? (
        <>
          <div className="versions__compare">
            <SelectField
              label={`Vergelijk versie ${read.version} met`}
              options={[...older].reverse().map((v) => ({ value: String(v), label: `Versie ${v}` }))}
              value={String(from)}
              onChange={(e) => setFrom(Number(e.target.value))}
            />
            <button type="button" className="button button--secondary" disabled={compared.kind === 'loading'} onClick={() => void compare()}>
              Toon wat er veranderd is
            </button>
          </div>
          {compared.kind === 'loading' ? <p className="loading">Versie {from} laden…</p> : null}
          {compared.kind === 'failed' ? (
            <>
              <h3 ref={resultRef} tabIndex={-1} className="visually-hidden">
                Vergelijken lukte niet
              </h3>
              <Alert>{compared.message}</Alert>
            </>
          ) : null}
          {compared.kind === 'done' ? (
            <>
              <h3 ref={resultRef} tabIndex={-1}>
                Wat er veranderd is van versie {compared.from} naar versie {read.version}
              </h3>
              <DossierDiffView from={compared.from} to={read.version} changes={compared.changes} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
