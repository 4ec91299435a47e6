import { describe, expect, it } from 'vitest';
import { sheetWindowOptions } from '../../../electron/main/sheet-window-options.ts';

describe('the window a prep sheet is printed from (Electron)', () => {
  it('is hidden, runs no script and has no way to Node', () => {
    const options = sheetWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(options.webPreferences?.preload).toBeUndefined();
  });
});
