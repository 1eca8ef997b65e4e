import { useMemo, useState } from 'react';
import { createHashRouter, Navigate } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { HouseholdFormPage, HouseholdListPage, HouseholdPage } from '../features/households';
import { intakeRoutes } from './intake-routes';
import { HandoverPage } from '../features/handover';
import { SyncPage } from '../features/sync';
import { AppLayout } from './app-layout';
import { ShellContext } from './shell-context';

/** Hash routes: the app is served from app:// in Electron and from a static server in the browser. */
export const routes = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/huishoudens" replace /> },
      { path: 'huishoudens', element: <HouseholdListPage /> },
      { path: 'huishoudens/nieuw', element: <HouseholdFormPage /> },
      { path: 'huishoudens/:id', element: <HouseholdPage /> },
      { path: 'huishoudens/:id/bewerken', element: <HouseholdFormPage /> },
      { path: 'huishoudens/:id/overdragen', element: <HandoverPage /> },
      ...intakeRoutes,
      { path: 'verzenden', element: <SyncPage /> },
      { path: '*', element: <Navigate to="/huishoudens" replace /> },
    ],
  },
];

export function AppRouter({ onLock, storageRefused }: { onLock: () => void; storageRefused: boolean }) {
  // One router per unlocked session; remade routers would drop the history.
  const [router] = useState(() => createHashRouter(routes));
  const shell = useMemo(() => ({ onLock, storageRefused }), [onLock, storageRefused]);
  return (
    <ShellContext value={shell}>
      <RouterProvider router={router} />
    </ShellContext>
  );
}
