// Entry of the Electron build (renderer/electron/index.html): only the preload's host, never the browser's.
import { electronHostFrom } from '../host/electron-host';
import { showHostMissing, startApp } from './start';

const host = electronHostFrom(window);
if (host) startApp(host);
else showHostMissing();
