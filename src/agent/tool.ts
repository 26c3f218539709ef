import type { ObjectIssue } from '../errors/no-object-generated-error.js';
import { normalizeSchema } from '../schema/normalize-schema.js';
import { type InferSchema, type SchemaInput, toObjectSchema } from '../schema/object-schema.js';
import type { JSONSchema } from '../spec/json-value.js';
import type { Message } from '../spec/message.js';
import type { ProviderOptions } from '../spec/provider-options.js';
import type { ToolResponse } from './tool-response.js';

/** What a tool's `execute` receives besides its input. */
export interface ToolExecuteOptions {
  toolCallId: string;
  /** The run's signal; long tools should pass it on (to fetch, child processes). */
  abortSignal?: AbortSignal;
  /** The prompt of the step that asked for the call. */
  messages: Message[];
}

/** A tool's outcome: a `ToolResponse`, or a plain string for a text result. */
export type ToolOutcome = ToolResponse | string;

/**
 * Whether a call must wait for a human: `true` always, or a function of the validated input (and the call's
 * id, prompt and signal) deciding per call. A call that needs approval ends the run with a
 * `tool-approval-request`; the next run executes it after `approve()`, or tells the model after `deny()`.
 */
export type ToolNeedsApproval<Input = unknown> =
  | boolean
  | ((input: Input, options: ToolExecuteOptions) => boolean | Promise<boolean>);

/** A function tool the agent offers the model and runs itself. Build one with `tool()`. */
export interface AgentTool<Input = unknown> {
  readonly type: 'function';
  readonly name: string;
  readonly description: string;
  /** The JSON Schema sent to the model, normalized (type arrays become `anyOf`). */
  readonly inputSchema: JSONSchema;
  /** Runs concurrently with other parallel tools of the same step (at most 5 at once). */
  readonly parallel: boolean;
  readonly providerOptions?: ProviderOptions;
  /** Whether a call waits for a human's approval before it runs; absent means never. */
  needsApproval?(input: Input, options: ToolExecuteOptions): boolean | Promise<boolean>;
  /** Checks parsed input against the tool's schema; returns the (possibly transformed) value or the issues. */
  validate(input: unknown): Promise<{ value: unknown; issues?: undefined } | { issues: ObjectIssue[] }>;
  /** Runs the tool. A throw becomes an error result naming the tool; it never ends the run. */
  execute(input: Input, options: ToolExecuteOptions): ToolOutcome | Promise<ToolOutcome>;
}

/** What `tool()` needs. */
export interface ToolDefinition<S extends SchemaInput> {
  name: string;
  description: string;
  /** A Standard Schema (Zod, Valibot, ArkType), a `jsonSchema<T>()` wrapper or a plain JSON Schema. */
  inputSchema: S;
  /** @default false */
  parallel?: boolean;
  providerOptions?: ProviderOptions;
  /** Asks a human before a call runs: `true`, or a function of the input. @default false */
  needsApproval?: ToolNeedsApproval<InferSchema<S>>;
  execute(input: InferSchema<S>, options: ToolExecuteOptions): ToolOutcome | Promise<ToolOutcome>;
}

/**
 * Defines a function tool. The input type comes from the schema; the agent validates each call against it
 * before `execute` runs, and sends invalid calls back to the model as error results.
 *
 * @example
 * const weather = tool({
 *   name: 'weather',
 *   description: 'Current weather in a city',
 *   inputSchema: z.object({ city: z.string() }),
 *   execute: async ({ city }) => `Sunny in ${city}`,
 * });
 */
export function tool<S extends SchemaInput>(definition: ToolDefinition<S>): AgentTool<InferSchema<S>> {
  const schema = toObjectSchema(definition.inputSchema);
  return {
    type: 'function',
    name: definition.name,
    description: definition.description,
    inputSchema: normalizeSchema(schema.jsonSchema),
    parallel: definition.parallel ?? false,
    ...(definition.providerOptions === undefined ? {} : { providerOptions: definition.providerOptions }),
    ...approvalOf(definition.needsApproval),
    validate: (input) => schema.validate(input),
    execute: (input, options) => definition.execute(input, options),
  };
}

function approvalOf<Input>(
  needsApproval: ToolNeedsApproval<Input> | undefined,
): Pick<AgentTool<Input>, 'needsApproval'> {
  if (needsApproval === undefined || needsApproval === false) return {};
  if (needsApproval === true) return { needsApproval: () => true };
  return { needsApproval: (input, options) => needsApproval(input, options) };
}
