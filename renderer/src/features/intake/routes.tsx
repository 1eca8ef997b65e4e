import { FinancesPage } from '../finances/finances-page';
import { SignalsPage } from '../signals/signals-page';
import { DomainPage } from './domain-page';
import { IntakeOverviewPage } from './intake-overview-page';
import { IntakeResume } from './intake-resume';
import '../../styles/intake.css';

/** The intake's hash routes, children of the app layout. */
export const intakeRoutes = [
  { path: 'huishoudens/:id/gesprek', element: <IntakeOverviewPage /> },
  { path: 'huishoudens/:id/gesprek/verder', element: <IntakeResume /> },
  { path: 'huishoudens/:id/gesprek/domein/:domainId', element: <DomainPage /> },
  { path: 'huishoudens/:id/gesprek/signalen', element: <SignalsPage /> },
  { path: 'huishoudens/:id/gesprek/geld', element: <FinancesPage /> },
];
