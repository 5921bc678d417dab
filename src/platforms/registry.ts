/** Every platform finconsole talks to, by code. Product code reaches platforms only through these definitions. */
import type { PlatformCode, PlatformDefinition } from './adapter.js';
import { cnabDefinition } from './cnab/adapter.js';
import { efiDefinition } from './efi/adapter.js';

/** A definition seen from outside: parse the stored options with its `optionsSchema`, then `create`. */
export type AnyPlatformDefinition = PlatformDefinition<unknown>;

// Supplier (the credit platform) joins when its adapter exists.
export const platformDefinitions: Readonly<Partial<Record<PlatformCode, AnyPlatformDefinition>>> = {
  efi: efiDefinition,
  cnab: cnabDefinition,
};

export function platformDefinition(code: PlatformCode): AnyPlatformDefinition {
  const definition = platformDefinitions[code];
  if (!definition) throw new Error(`plataforma ${code} ainda não tem adaptador`);
  return definition;
}
