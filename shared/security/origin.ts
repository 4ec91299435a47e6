/** The origin the Electron window loads the renderer from (a privileged custom scheme, never file://). */
export const APP_ORIGIN = 'app://story-bank';

/** True only for a frame showing the app's own renderer: the one sender allowed to call the backend. */
export function isTrustedRendererUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/** Links the app may hand to the system: web pages over https and e-mail, nothing else. */
export function isAllowedExternalUrl(url: string): boolean {
  return /^https:\/\/[^\s/]+/i.test(url) || /^mailto:[^\s]+$/i.test(url);
}
