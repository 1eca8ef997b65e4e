// Entry of the web build (renderer/index.html): the hub's page for office users, the preview and the e2e tests.
import { createPreviewHost } from '../host/preview-host';
import { startApp } from './start';

startApp(createPreviewHost());
