// Sandboxed preload: exposes the typed host API and nothing else (never ipcRenderer itself).
import { contextBridge, ipcRenderer } from 'electron';
import { createHostApi } from './host-api';

contextBridge.exposeInMainWorld('keukentafel', createHostApi(ipcRenderer));
