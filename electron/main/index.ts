// Entry of the main process: wiring only. The logic lives in createMain, which tests drive with fakes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, net, powerMonitor, protocol, safeStorage, session, shell } from 'electron';
import { createMain } from './app';

const here = path.dirname(fileURLToPath(import.meta.url));

createMain({
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  session,
  safeStorage,
  protocol,
  net,
  shell,
  powerMonitor,
  env: process.env,
  platform: process.platform,
  preloadPath: path.join(here, '../preload/index.cjs'),
  rendererDir: path.join(here, '../renderer'),
});
