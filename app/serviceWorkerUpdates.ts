/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The service worker's registration and its updates. A new build's worker installs in the
 * background and waits: the page it would replace keeps working from the old cache, and a
 * notice offers to reload into the new version (the notice comes back on each visit until it
 * is taken or every tab of the site is closed, which lets the new worker take over by itself).
 * Loaded by `app/serviceWorkerRegistration.ts` once the first trace is on screen.
 */
import { registerSW } from 'virtual:pwa-register';
import './serviceWorkerUpdates.css';

export function register(): void {
  const update = registerSW({
    onNeedRefresh: () => showUpdateNotice(() => void update()),
    // No service worker (a private window, a sandboxed frame): the site works online as before.
    onRegisterError: (error: unknown) => console.warn('Offline use is unavailable:', error),
  });
}

/** "A new version is ready": Reload activates the waiting worker, which reloads the page. */
function showUpdateNotice(reload: () => void): void {
  if (document.querySelector('.sw-update')) return;
  const notice = document.createElement('div');
  notice.className = 'sw-update';
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'A new version of the playground is ready.';
  const reloadButton = document.createElement('button');
  reloadButton.type = 'button';
  reloadButton.className = 'sw-update__reload';
  reloadButton.textContent = 'Reload';
  reloadButton.addEventListener('click', () => {
    reloadButton.disabled = true;
    reload();
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close-button';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.append(text, reloadButton, close);
  document.body.append(notice);
}
