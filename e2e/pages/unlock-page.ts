import { expect, type Page } from '@playwright/test';

export class UnlockPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading = () => this.page.getByRole('heading', { level: 1, name: 'Ontgrendelen' });
  pin = () => this.page.getByLabel('Pincode', { exact: true });
  submit = () => this.page.getByRole('button', { name: 'Ontgrendelen' });
  alert = () => this.page.getByRole('alert');
  /** "Wacht nog N seconden. Probeer het dan opnieuw." while locked out. */
  countdown = () => this.page.getByText(/Wacht nog \d+ seconden?\. Probeer het dan opnieuw\./);
  otherAccount = () => this.page.getByRole('button', { name: 'Ander account' });
  confirmReset = () => this.page.getByRole('dialog').getByRole('button', { name: 'Ja, wis dit apparaat' });

  async unlock(pin: string): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await this.pin().fill(pin);
    await this.submit().click();
  }

  async resetDevice(): Promise<void> {
    await this.otherAccount().click();
    await this.confirmReset().click();
  }
}
