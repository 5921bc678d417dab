/**
 * The raw material of the demo's customers (names, places) and the deterministic generator that picks from it: the
 * same seed number gives the same records.
 */
/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Picker {
  /** In [0, 1). */
  random(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  choose<T>(items: readonly T[]): T;
  /** `n` random decimal digits. */
  digits(n: number): string;
}

export function picker(seed: number): Picker {
  const random = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return {
    random,
    int,
    choose: (items) => items[Math.floor(random() * items.length)]!,
    digits: (n) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  };
}

export const PERSON_FIRST = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elisa',
  'Fábio',
  'Gabriela',
  'Heitor',
  'Isabela',
  'João',
];
export const PERSON_LAST = [
  'Silva',
  'Souza',
  'Oliveira',
  'Pereira',
  'Costa',
  'Rodrigues',
  'Almeida',
  'Nascimento',
  'Lima',
  'Araújo',
];
export const BUSINESS = [
  'Mercado Bom Preço',
  'Ferragens Aliança',
  'Padaria Pão Dourado',
  'Distribuidora Horizonte',
  'Auto Peças Central',
  'Farmácia Vida',
  'Construtora Alicerce',
  'Papelaria Escrita',
  'Restaurante Sabor Caseiro',
  'Tecidos Primavera',
];
export const CITIES = [
  { city: 'Porto Alegre', state: 'RS', postal: '90010' },
  { city: 'Curitiba', state: 'PR', postal: '80010' },
  { city: 'Florianópolis', state: 'SC', postal: '88010' },
  { city: 'Belém', state: 'PA', postal: '66010' },
  { city: 'Manaus', state: 'AM', postal: '69005' },
  { city: 'Fortaleza', state: 'CE', postal: '60025' },
];
export const STREETS = [
  'Rua das Flores',
  'Avenida Brasil',
  'Rua XV de Novembro',
  'Avenida Independência',
  'Rua da Praia',
];

export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
