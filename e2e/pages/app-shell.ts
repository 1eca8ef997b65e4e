import type { Page } from '@playwright/test';

/** Header of the unlocked app: navigation, sync indicator and lock button. */
export class AppShell {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  nav = () => this.page.getByRole('navigation', { name: 'Hoofdmenu' });
  households = () => this.nav().getByRole('link', { name: 'Huishoudens' });
  syncPage = () => this.nav().getByRole('link', { name: 'Verzenden' });
  /** Text like "Alles is verstuurd", "2 wachten op verzending", "1 vastgelopen". */
  syncIndicator = () => this.page.getByRole('banner').getByRole('link', { name: /verstuurd|verzending|vastgelopen/ });
  lock = () => this.page.getByRole('button', { name: 'Vergrendelen' });
  heading = () => this.page.getByRole('heading', { level: 1 });
}
