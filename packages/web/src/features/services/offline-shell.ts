/**
 * Registers the offline shell (public/sw.js) and hands it the app files this tab has loaded, so a reload without a
 * connection still opens the app and its outbox. Nothing happens where the browser has no service workers (or the page
 * is not served over HTTPS / localhost).
 */
export function registerOfflineShell(): void {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then((reg) => {
      const own = (u: string) => new URL(u).origin === location.origin;
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => own(u) && new URL(u).pathname.startsWith('/assets/'))
        .map((u) => new URL(u).pathname);
      reg.active?.postMessage({ type: 'cache-shell', urls });
    })
    .catch(() => undefined);
}

/** Called after a page's chunk has loaded (quick entry), so it is in the shell too. */
export function refreshOfflineShell(): void {
  registerOfflineShell();
}
