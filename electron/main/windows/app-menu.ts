import type { MenuLike } from '../ports';

/**
 * Replaces Electron's default menu, which offers reload and Toggle Developer Tools. Windows and Linux
 * get no menu at all; macOS keeps app, edit and window menus, because copy and paste run through them.
 */
export function applyAppMenu(menu: MenuLike, platform: string): void {
  if (platform !== 'darwin') {
    menu.setApplicationMenu(null);
    return;
  }
  menu.setApplicationMenu(menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]));
}
