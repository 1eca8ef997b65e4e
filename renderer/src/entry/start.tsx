import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { HostApi } from '../../../shared/ipc/contract';
import { App } from '../app/app';
import { createServices } from '../app/create-services';
import { nl } from '../i18n/nl';
import { HostMissing } from './host-missing';
import '../styles/app.css';

const rootElement = (): HTMLElement => {
  const el = document.getElementById('root');
  if (!el) throw new Error('#root is missing from the page');
  return el;
};

/** Starts the app on the given host. Both entry points end here; only the host differs. */
export function startApp(host: HostApi): void {
  const root = createRoot(rootElement());
  createServices({ host }).then(
    (services) =>
      root.render(
        <StrictMode>
          <App services={services} />
        </StrictMode>,
      ),
    (error: unknown) => {
      console.error('Keukentafel could not start', error);
      const message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = nl.start.startupFailed;
      document.body.replaceChildren(message);
    },
  );
}

/** The screen for an Electron window without its preload: nothing starts, nothing is stored. */
export function showHostMissing(): void {
  console.error('Keukentafel could not start: the Electron preload API (window.keukentafel) is missing');
  createRoot(rootElement()).render(
    <StrictMode>
      <HostMissing />
    </StrictMode>,
  );
}
