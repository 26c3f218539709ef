/** Loaded on first use: most runs never repair anything, and the import would cost every cold start. */
let repairModule: Promise<typeof import('jsonrepair')> | undefined;

/**
 * The longest text a repair is tried on. Repair is for a model's small slips (a missing brace, a trailing
 * comma, an answer cut by the token limit); on a 10 MB string that never closes `jsonrepair` blocks the event
 * loop for about 3 s, so a text this long that is not JSON is simply not JSON.
 */
export const maxRepairLength = 1_048_576;

/**
 * Repairs almost-JSON text (closes truncated values, strips markdown fences and trailing commas). Returns
 * undefined when the text is longer than `maxRepairLength` or cannot be repaired.
 *
 * @example
 * await repairJson('{"city": "Paris"'); // '{"city": "Paris"}'
 */
export async function repairJson(text: string): Promise<string | undefined> {
  if (text.length > maxRepairLength) return undefined;
  repairModule ??= import('jsonrepair');
  const { jsonrepair } = await repairModule;
  try {
    return jsonrepair(text);
  } catch {
    return undefined;
  }
}
