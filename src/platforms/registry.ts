/** Every platform finconsole can talk to, by code. Adding a platform is adding its folder and one line here. */
import type { PlatformCode, PlatformDefinition } from './adapter.js';
import { efiDefinition } from './efi/adapter.js';
import { efiReturnCommands } from './efi/return-commands.js';

const definitions: Partial<Record<PlatformCode, PlatformDefinition>> = {
  efi: { ...efiDefinition, returnCommands: efiReturnCommands } as PlatformDefinition,
};

export function registeredPlatforms(): PlatformDefinition[] {
  return Object.values(definitions);
}

export function platformDefinition(code: string): PlatformDefinition {
  const definition = definitions[code as PlatformCode];
  if (!definition) throw new Error(`plataforma desconhecida: ${code}`);
  return definition;
}
