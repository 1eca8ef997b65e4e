import type { AppLike, KeyInput, WebContentsLike } from '../ports';

/** Developer tools only when a developer asks for them on an unpackaged build; never in a shipped app. */
export function devToolsAllowed(app: Pick<AppLike, 'isPackaged'>, env: Record<string, string | undefined>): boolean {
  return env.KEUKENTAFEL_DEVTOOLS === '1' && !app.isPackaged;
}

const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);

/** F12, Ctrl/Cmd+Shift+I/J/C and macOS's Cmd+Alt+I/J/C: Chromium's ways to open the developer tools. */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.key === 'F12' || input.code === 'F12') return true;
  // Match the typed key and the physical key, so no keyboard layout slips through.
  const physical = input.code.startsWith('Key') ? input.code.slice(3).toLowerCase() : '';
  const letter = DEVTOOLS_LETTERS.has(input.key.toLowerCase()) || DEVTOOLS_LETTERS.has(physical);
  const chord = ((input.control || input.meta) && input.shift) || (input.meta && input.alt);
  return letter && chord;
}

/** Swallows the developer-tools shortcuts and closes the tools should they open by another way. */
export function guardDevTools(contents: WebContentsLike): void {
  contents.on('before-input-event', (event, input) => {
    if (isDevToolsShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
}
