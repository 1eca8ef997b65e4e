import { FinancesPage, RegelingenPanel } from '../features/finances';
import { DomainPage, IntakeOverviewPage, IntakeResume } from '../features/intake';
import { SignalsPage } from '../features/signals';
import '../styles/intake.css';

/**
 * The intake's hash routes, children of the app layout (which gives all pages one save queue per household).
 * They live in app/ because they join three features; a feature that imported the others' pages at load time would make a cycle.
 */
export const intakeRoutes = [
  {
    path: 'huishoudens/:id/gesprek',
    children: [
      { index: true, element: <IntakeOverviewPage regelingen={RegelingenPanel} /> },
      { path: 'verder', element: <IntakeResume /> },
      { path: 'domein/:domainId', element: <DomainPage /> },
      { path: 'signalen', element: <SignalsPage /> },
      { path: 'geld', element: <FinancesPage /> },
    ],
  },
];
