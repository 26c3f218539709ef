import { writeFile } from 'node:fs/promises';

/**
 * Writes a tiny, valid GGUF v3 file that llama.cpp loads: llama architecture, two layers, 64-wide embeddings, a
 * byte-level SentencePiece-style vocabulary (`<unk>`, `<s>`, `</s>`, the 256 byte tokens `<0x00>`…`<0xFF>` and `▁`) and
 * seeded pseudo-random F32 weights. Its text is gibberish; grammars make its structured output exact.
 */
export async function writeTinyGguf(path: string, options: { seed?: number } = {}): Promise<void> {
  await writeFile(path, buildTinyGguf(options.seed ?? 42));
}

const embedding = 64;
const heads = 4;
const feedForward = 128;
const layers = 2;
const contextLength = 2048;

/** GGUF metadata value types. */
const T = { uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9 } as const;

type MetadataValue =
  | { type: 'uint32' | 'int32' | 'float32'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'strings'; value: string[] }
  | { type: 'floats'; value: number[] }
  | { type: 'ints'; value: number[] };

/** Builds the file's bytes. */
export function buildTinyGguf(seed: number): Uint8Array {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3]; // UNKNOWN, CONTROL, CONTROL
  for (let byte = 0; byte < 256; byte++) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6); // BYTE
  }
  tokens.push('\u2581'); // SentencePiece's space, so spaces detokenize back to spaces
  types.push(1); // NORMAL
  const vocab = tokens.length;
  const metadata: [string, MetadataValue][] = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: 'fantasy-ts tiny test model' }],
    ['general.alignment', { type: 'uint32', value: 32 }],
    ['llama.context_length', { type: 'uint32', value: contextLength }],
    ['llama.embedding_length', { type: 'uint32', value: embedding }],
    ['llama.block_count', { type: 'uint32', value: layers }],
    ['llama.feed_forward_length', { type: 'uint32', value: feedForward }],
    ['llama.attention.head_count', { type: 'uint32', value: heads }],
    ['llama.attention.head_count_kv', { type: 'uint32', value: heads }],
    ['llama.rope.dimension_count', { type: 'uint32', value: embedding / heads }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'float32', value: 1e-5 }],
    ['llama.vocab_size', { type: 'uint32', value: vocab }],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'strings', value: tokens }],
    ['tokenizer.ggml.scores', { type: 'floats', value: tokens.map(() => 0) }],
    ['tokenizer.ggml.token_type', { type: 'ints', value: types }],
    ['tokenizer.ggml.unknown_token_id', { type: 'uint32', value: 0 }],
    ['tokenizer.ggml.bos_token_id', { type: 'uint32', value: 1 }],
    ['tokenizer.ggml.eos_token_id', { type: 'uint32', value: 2 }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    ['tokenizer.ggml.add_space_prefix', { type: 'bool', value: false }],
  ];
  const random = seededRandom(seed);
  const tensors: { name: string; dims: number[]; data: Float32Array }[] = [];
  const add = (name: string, dims: number[], fill: 'one' | 'random'): void => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    const scale = 1 / Math.sqrt(dims[0] ?? 1);
    for (let i = 0; i < data.length; i++) data[i] = fill === 'one' ? 1 : (random() * 2 - 1) * scale;
    tensors.push({ name, dims, data });
  };
  add('token_embd.weight', [embedding, vocab], 'random');
  for (let layer = 0; layer < layers; layer++) {
    const p = `blk.${layer}.`;
    add(`${p}attn_norm.weight`, [embedding], 'one');
    add(`${p}attn_q.weight`, [embedding, embedding], 'random');
    add(`${p}attn_k.weight`, [embedding, embedding], 'random');
    add(`${p}attn_v.weight`, [embedding, embedding], 'random');
    add(`${p}attn_output.weight`, [embedding, embedding], 'random');
    add(`${p}ffn_norm.weight`, [embedding], 'one');
    add(`${p}ffn_gate.weight`, [embedding, feedForward], 'random');
    add(`${p}ffn_up.weight`, [embedding, feedForward], 'random');
    add(`${p}ffn_down.weight`, [feedForward, embedding], 'random');
  }
  add('output_norm.weight', [embedding], 'one');
  add('output.weight', [embedding, vocab], 'random');
  return serialize(metadata, tensors);
}

function serialize(
  metadata: [string, MetadataValue][],
  tensors: { name: string; dims: number[]; data: Float32Array }[],
): Uint8Array {
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode('GGUF'));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(metadata.length);
  for (const [key, value] of metadata) {
    out.string(key);
    writeValue(out, value);
  }
  let offset = 0;
  const offsets: number[] = [];
  for (const tensor of tensors) {
    out.string(tensor.name);
    out.u32(tensor.dims.length);
    for (const dim of tensor.dims) out.u64(dim);
    out.u32(0); // F32
    out.u64(offset);
    offsets.push(offset);
    offset = align(offset + tensor.data.byteLength);
  }
  out.pad();
  const start = out.length;
  tensors.forEach((tensor, index) => {
    while (out.length < start + (offsets[index] ?? 0)) out.u8(0);
    out.bytes(new Uint8Array(tensor.data.buffer));
  });
  out.pad();
  return out.finish();
}

function writeValue(out: ByteWriter, value: MetadataValue): void {
  switch (value.type) {
    case 'uint32':
      out.u32(T.uint32);
      out.u32(value.value);
      return;
    case 'int32':
      out.u32(T.int32);
      out.i32(value.value);
      return;
    case 'float32':
      out.u32(T.float32);
      out.f32(value.value);
      return;
    case 'bool':
      out.u32(T.bool);
      out.u8(value.value ? 1 : 0);
      return;
    case 'string':
      out.u32(T.string);
      out.string(value.value);
      return;
    case 'strings':
      out.u32(T.array);
      out.u32(T.string);
      out.u64(value.value.length);
      for (const item of value.value) out.string(item);
      return;
    case 'floats':
      out.u32(T.array);
      out.u32(T.float32);
      out.u64(value.value.length);
      for (const item of value.value) out.f32(item);
      return;
    case 'ints':
      out.u32(T.array);
      out.u32(T.int32);
      out.u64(value.value.length);
      for (const item of value.value) out.i32(item);
      return;
  }
}

const align = (n: number): number => Math.ceil(n / 32) * 32;

/** A growable little-endian byte buffer. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  private view = new DataView(this.buffer.buffer);
  length = 0;
  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
    this.view = new DataView(next.buffer);
  }
  u8(n: number): void {
    this.ensure(1);
    this.view.setUint8(this.length, n);
    this.length += 1;
  }
  u32(n: number): void {
    this.ensure(4);
    this.view.setUint32(this.length, n, true);
    this.length += 4;
  }
  i32(n: number): void {
    this.ensure(4);
    this.view.setInt32(this.length, n, true);
    this.length += 4;
  }
  f32(n: number): void {
    this.ensure(4);
    this.view.setFloat32(this.length, n, true);
    this.length += 4;
  }
  u64(n: number): void {
    this.ensure(8);
    this.view.setBigUint64(this.length, BigInt(n), true);
    this.length += 8;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buffer.set(b, this.length);
    this.length += b.length;
  }
  string(s: string): void {
    const encoded = new TextEncoder().encode(s);
    this.u64(encoded.length);
    this.bytes(encoded);
  }
  pad(): void {
    while (this.length % 32 !== 0) this.u8(0);
  }
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** mulberry32: a small seeded generator, so the weights are the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
