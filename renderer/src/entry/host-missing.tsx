import { nl } from '../i18n/nl';
import { Alert } from '../ui/alert';
import { PageTitle } from '../ui/page-title';

const t = nl.hostMissing;

/** Shown instead of the app when the Electron preload is missing, so no key ever lands in browser storage. */
export function HostMissing() {
  return (
    <div className="auth">
      <header className="auth__brand">
        <p className="brand">{nl.appName}</p>
      </header>
      <main id="inhoud" className="auth__card">
        <PageTitle title={t.title}>{t.title}</PageTitle>
        <Alert>
          <p>{t.body}</p>
          <p>{t.action}</p>
        </Alert>
      </main>
    </div>
  );
}
