import { expect, type Page } from '@playwright/test';

/** First sign-in, then "Kies een pincode". */
export class SignInPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading = () => this.page.getByRole('heading', { level: 1, name: 'Aanmelden' });
  username = () => this.page.getByLabel('Gebruikersnaam');
  password = () => this.page.getByLabel('Wachtwoord');
  submit = () => this.page.getByRole('button', { name: 'Aanmelden' });
  alert = () => this.page.getByRole('alert');

  async signIn(username: string, password: string): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await this.username().fill(username);
    await this.password().fill(password);
    await this.submit().click();
  }
}

export class ChoosePinPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  heading = () => this.page.getByRole('heading', { level: 1, name: 'Kies een pincode' });
  pin = () => this.page.getByLabel('Pincode', { exact: true });
  repeat = () => this.page.getByLabel('Herhaal de pincode');
  submit = () => this.page.getByRole('button', { name: 'Pincode opslaan' });

  async choose(pin: string, repeat = pin): Promise<void> {
    await expect(this.heading()).toBeVisible();
    await this.pin().fill(pin);
    await this.repeat().fill(repeat);
    await this.submit().click();
  }
}
