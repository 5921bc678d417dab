import type { Command } from 'commander';

export function registerPdf(_boleto: Command): void {}
