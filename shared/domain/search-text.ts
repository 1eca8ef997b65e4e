/** Text as a search compares it: without accents, in lower case, so "jose" finds "José". */
export const foldText = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
