import { FinancesPage } from '../finances/finances-page';
import { SignalsPage } from '../signals/signals-page';
import { DomainPage } from './domain-page';
import { IntakeLayout } from './intake-layout';
import { IntakeOverviewPage } from './intake-overview-page';
import { IntakeResume } from './intake-resume';
import '../../styles/intake.css';

/** The intake's hash routes, children of the app layout; one layout so all pages share the save queue. */
export const intakeRoutes = [
  {
    path: 'huishoudens/:id/gesprek',
    element: <IntakeLayout />,
    children: [
      { index: true, element: <IntakeOverviewPage /> },
      { path: 'verder', element: <IntakeResume /> },
      { path: 'domein/:domainId', element: <DomainPage /> },
      { path: 'signalen', element: <SignalsPage /> },
      { path: 'geld', element: <FinancesPage /> },
    ],
  },
];
