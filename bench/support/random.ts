/** A small seeded generator (mulberry32), so every run builds the same fixtures. */
export function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Words with multibyte characters among them, so UTF-8 decoding is exercised. */
const words = [
  'alpha',
  'bravo',
  'charlie',
  'delta',
  'echo',
  'foxtrot',
  'golf',
  'hotel',
  'Olá',
  'mundo',
  '🌍',
];

/** `count` words picked with `random`, joined with spaces. */
export function sentence(random: () => number, count: number): string {
  const picked: string[] = [];
  for (let index = 0; index < count; index += 1) picked.push(words[Math.floor(random() * words.length)]!);
  return picked.join(' ');
}
