export { cosineSimilarity } from './cosine-similarity.js';
export { type EmbedOptions, type EmbedResult, embed } from './embed.js';
export { type EmbedManyOptions, type EmbedManyResult, embedMany } from './embed-many.js';
