/** Texts that make a Wgs crisis visible outside the intake: the household list and page. Dutch B1. */

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

export const nlUrgency = {
  badge: 'Spoed: crisis',
  /** Read by screen readers after the badge; the colour and icon only support the words. */
  explain: (days: number) => `Er is een crisis. Het eerste gesprek met schuldhulp moet binnen ${days} ${plural(days, 'werkdag', 'werkdagen')} zijn.`,
  deadline: (date: string) => `Eerste gesprek uiterlijk ${date}.`,
  deadlinePassed: (date: string) => `Termijn voorbij sinds ${date}.`,
  count: (total: number, urgent: number) =>
    `${total} ${plural(total, 'huishouden', 'huishoudens')}${urgent > 0 ? `, ${urgent} met spoed` : ''}`,
};
