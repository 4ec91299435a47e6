import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, type LoadedMain, loadMain } from './harness/load-main.ts';

let current: LoadedMain | null = null;
beforeAll(() => ensureBuilt(), 300_000);
afterEach(() => {
  current?.dispose();
  current = null;
});

describe('smoke', () => {
  it('starts', async () => {
    current = loadMain();
    await current.start();
    console.log(current.fake.log, current.fake.errorBoxes, current.fake.windows.length);
    expect(current.mainWindow()).toBeTruthy();
  });
});
