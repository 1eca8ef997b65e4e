import type { Page } from '@playwright/test';

export class HouseholdListPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/huishoudens');
  }

  heading = () => this.page.getByRole('heading', { level: 1, name: 'Huishoudens' });
  search = () => this.page.getByLabel('Zoek op naam of postcode');
  newHousehold = () => this.page.getByRole('link', { name: 'Nieuw huishouden' });
  items = () => this.page.getByRole('main').getByRole('listitem');
  item = (name: string | RegExp) => this.items().filter({ has: this.page.getByRole('link', { name }) });
  open = (name: string | RegExp) => this.page.getByRole('main').getByRole('link', { name });
  empty = () => this.page.getByText('Er staan nog geen huishoudens op dit apparaat.');
}
