/**
 * Every platform finconsole talks to, by code. Product code reaches platforms only through these definitions;
 * adding a platform is adding its folder and one line here.
 */
import type { PlatformCode, PlatformDefinition } from './adapter.js';
import { cnabDefinition } from './cnab/adapter.js';
import { efiDefinition } from './efi/adapter.js';
import { supplierDefinition } from './supplier/adapter.js';

/** A definition seen from outside: parse the stored options with its `optionsSchema`, then `create`. */
export type AnyPlatformDefinition = PlatformDefinition<unknown>;

export const platformDefinitions: Readonly<Partial<Record<PlatformCode, AnyPlatformDefinition>>> = {
  efi: efiDefinition,
  cnab: cnabDefinition,
  supplier: supplierDefinition,
};

export function registeredPlatforms(): AnyPlatformDefinition[] {
  return Object.values(platformDefinitions);
}

/** The definition of a platform code as stored (a plain string); an unknown code throws. */
export function platformDefinition(code: PlatformCode | string): AnyPlatformDefinition {
  const definition = Object.hasOwn(platformDefinitions, code)
    ? platformDefinitions[code as PlatformCode]
    : undefined;
  if (!definition) throw new Error(`plataforma desconhecida: ${code}`);
  return definition;
}
