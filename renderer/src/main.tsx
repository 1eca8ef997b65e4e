import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createServices } from './data/create-services';
import { nl } from './i18n/nl';
import './styles/app.css';

const root = createRoot(document.getElementById('root')!);

createServices().then(
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
