import { Fragment } from 'react';
import type { Dossier } from '../../../../shared/api/dossier';
import { dossierPreview } from './dossier-preview';

/**
 * The dossier exactly as it will be sent, one panel per part. The worker and the resident read it
 * together before anything leaves; the counsellor's screen can show the same. `headingLevel` lets the
 * page that holds it keep its heading order.
 */
export function DossierPreviewView({ dossier, headingLevel = 2 }: { dossier: Dossier; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="dossier-preview">
      {dossierPreview(dossier).map((section) => (
        <section key={section.key} className="panel" aria-labelledby={`preview-${section.key}`}>
          <Heading id={`preview-${section.key}`}>{section.title}</Heading>
          <dl className="details">
            {section.lines.map((line, i) => (
              <Fragment key={`${line.label}-${i}`}>
                <dt>{line.label}</dt>
                <dd className="preserve-lines">{line.value}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
