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

/** The definition of a platform code as stored (a plain string); an unknown code or one without adapter throws. */
export function platformDefinition(code: PlatformCode | string): AnyPlatformDefinition {
  const definition = Object.hasOwn(platformDefinitions, code)
    ? platformDefinitions[code as PlatformCode]
    : undefined;
  if (!definition) throw new Error(`plataforma ${code} ainda não tem adaptador`);
  return definition;
}
