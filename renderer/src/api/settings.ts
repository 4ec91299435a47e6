import type { InputOf } from '../../../shared/ipc/contract.ts';
import type { SettingKey, SettingValue } from '../../../shared/settings/settings.ts';
import { call } from './client.ts';

/**
 * Typed access to one setting. The 'settings.get' channel answers any setting's value type (a channel has one
 * result type); these helpers narrow it to the key asked for. The backend checks every value with the key's schema.
 */
export function getSetting<K extends SettingKey>(key: K): Promise<SettingValue<K>> {
  return call('settings.get', { key }) as Promise<SettingValue<K>>;
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
  await call('settings.set', { key, value } as InputOf<'settings.set'>);
}
