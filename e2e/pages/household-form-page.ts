import type { Page } from '@playwright/test';

export interface MemberInput {
  firstName: string;
  lastName?: string;
  role?: 'adult' | 'child';
  age?: number;
}

/** #/huishoudens/nieuw and #/huishoudens/:id/bewerken */
export class HouseholdFormPage {
  readonly page: Page;
  constructor(page: Page) {
    this.page = page;
  }

  name = () => this.page.getByLabel('Naam van het huishouden');
  postcode = () => this.page.getByLabel('Postcode');
  street = () => this.page.getByLabel('Straat');
  houseNumber = () => this.page.getByLabel('Huisnummer');
  town = () => this.page.getByLabel('Plaats');
  member = (n: number) => this.page.getByRole('group', { name: `Lid ${n}`, exact: true });
  addMember = () => this.page.getByRole('button', { name: 'Lid toevoegen' });
  removeMember = (n: number) => this.page.getByRole('button', { name: `Lid ${n} verwijderen` });
  channel = (label: 'Bellen' | 'Sms' | 'E-mail' | 'Brief' | 'Op bezoek') => this.page.getByRole('radio', { name: label });
  phone = () => this.page.getByLabel('Telefoonnummer');
  email = () => this.page.getByLabel('E-mailadres');
  bestTime = () => this.page.getByLabel('Beste moment');
  note = () => this.page.getByLabel('Opmerking');
  save = () => this.page.getByRole('button', { name: 'Opslaan' });
  alert = () => this.page.getByRole('alert');

  async fillMember(n: number, m: MemberInput): Promise<void> {
    const group = this.member(n);
    await group.getByLabel('Voornaam').fill(m.firstName);
    await group.getByLabel('Achternaam').fill(m.lastName ?? '');
    await group.getByRole('radio', { name: m.role === 'child' ? 'Kind' : 'Volwassene' }).check();
    await group.getByLabel('Leeftijd in jaren').fill(m.age === undefined ? '' : String(m.age));
  }

  /** Fills a whole household; members beyond the first are added with "Lid toevoegen". */
  async fill(h: { name: string; postcode: string; members: MemberInput[] }): Promise<void> {
    await this.name().fill(h.name);
    await this.postcode().fill(h.postcode);
    for (const [i, m] of h.members.entries()) {
      if (i > 0) await this.addMember().click();
      await this.fillMember(i + 1, m);
    }
  }
}
