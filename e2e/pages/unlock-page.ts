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
  forgot = () => this.page.getByRole('button', { name: 'Pincode vergeten?' });

  async unlock(pin: string): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await this.pin().fill(pin);
    await this.submit().click();
  }
}

/** "Pincode vergeten?": the password, then a new PIN twice. */
export class RecoverPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading = () => this.page.getByRole('heading', { level: 1, name: 'Nieuwe pincode kiezen' });
  password = () => this.page.getByLabel('Wachtwoord', { exact: true });
  pin = () => this.page.getByLabel('Pincode', { exact: true });
  repeat = () => this.page.getByLabel('Herhaal de pincode');
  submit = () => this.page.getByRole('button', { name: 'Pincode opslaan' });
  alert = () => this.page.getByRole('alert');

  async recover(password: string, pin: string): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await this.password().fill(password);
    await this.pin().fill(pin);
    await this.repeat().fill(pin);
    await this.submit().click();
  }
}

/** "Ander account": wipe the device with its PIN or the account's password. */
export class WipePage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading = () => this.page.getByRole('heading', { level: 1, name: 'Dit apparaat wissen' });
  pin = () => this.page.getByLabel('Pincode', { exact: true });
  password = () => this.page.getByLabel('Of het wachtwoord');
  confirm = () => this.page.getByRole('button', { name: 'Wis dit apparaat' });
  alert = () => this.page.getByRole('alert');
}
