import { InvalidArgumentError } from '../errors/invalid-argument-error.js';

/**
 * The cosine of the angle between two vectors: 1 for the same direction, 0 for orthogonal, -1 for opposite;
 * 0 when either is all zeros.
 */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) {
    throw new InvalidArgumentError({
      argument: 'b',
      message: `cosineSimilarity needs vectors of one length, got ${a.length} and ${b.length}`,
    });
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let index = 0; index < a.length; index++) {
    const x = a[index] as number;
    const y = b[index] as number;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / (Math.sqrt(normA) * Math.sqrt(normB));
}
