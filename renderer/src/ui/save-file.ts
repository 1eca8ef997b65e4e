/** Hands the browser a file to save; works the same in Electron (its save dialog) and in a browser. */
export function saveFile(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the time a minute has passed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
