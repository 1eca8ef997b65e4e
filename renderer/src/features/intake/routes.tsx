import { FinancesPage } from '../finances/finances-page';
import { SignalsPage } from '../signals/signals-page';
import { DomainPage } from './domain-page';
import { IntakeOverviewPage } from './intake-overview-page';
import { IntakeResume } from './intake-resume';
import '../../styles/intake.css';

/** The intake's hash routes, children of the app layout (which gives all pages one save queue per household). */
export const intakeRoutes = [
  {
    path: 'huishoudens/:id/gesprek',
    children: [
      { index: true, element: <IntakeOverviewPage /> },
      { path: 'verder', element: <IntakeResume /> },
      { path: 'domein/:domainId', element: <DomainPage /> },
      { path: 'signalen', element: <SignalsPage /> },
      { path: 'geld', element: <FinancesPage /> },
    ],
  },
];
