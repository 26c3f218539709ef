import type { ObjectIssue } from '../errors/no-object-generated-error.js';
import { normalizeSchema } from '../schema/normalize-schema.js';
import { type InferSchema, type SchemaInput, toObjectSchema } from '../schema/object-schema.js';
import type { JSONSchema, JSONValue } from '../spec/json-value.js';
import type { Message } from '../spec/message.js';
import type { ProviderOptions } from '../spec/provider-options.js';
import type { ToolResponse } from './tool-response.js';

/** What a tool's `execute` receives besides its input. */
export interface ToolExecuteOptions {
  toolCallId: string;
  /** The run's signal; long tools should pass it on (to fetch, child processes). */
  abortSignal?: AbortSignal;
  /** The prompt of the step that asked for the call: the run's history, which grows after the step; copy it to keep it. */
  messages: Message[];
}

/**
 * A tool's outcome: a `ToolResponse`, a plain string for a text result, or any JSON value (objects, arrays,
 * numbers, ...) for a JSON result. `Output` is the type an `outputSchema` gives.
 */
export type ToolOutcome<Output = JSONValue> = ToolResponse | string | Output;

/**
 * Whether a call must wait for a human: `true` always, or a function of the validated input (and the call's
 * id, prompt and signal) deciding per call. A call that needs approval ends the run with a
 * `tool-approval-request`; the next run executes it after `approve()`, or tells the model after `deny()`.
 */
export type ToolNeedsApproval<Input = unknown> =
  | boolean
  | ((input: Input, options: ToolExecuteOptions) => boolean | Promise<boolean>);

/** A function tool the agent offers the model and runs itself. Build one with `tool()`. */
export interface AgentTool<Input = unknown, Output = unknown> {
  readonly type: 'function';
  readonly name: string;
  readonly description: string;
  /** The JSON Schema sent to the model, normalized (type arrays become `anyOf`). */
  readonly inputSchema: JSONSchema;
  /** Runs concurrently with other parallel tools of the same step (at most 5 at once). */
  readonly parallel: boolean;
  /** The JSON Schema of the tool's JSON result, when `tool()` was given an `outputSchema`. */
  readonly outputSchema?: JSONSchema;
  readonly providerOptions?: ProviderOptions;
  /** Whether a call waits for a human's approval before it runs; absent means never. */
  needsApproval?(input: Input, options: ToolExecuteOptions): boolean | Promise<boolean>;
  /** Where the tool comes from (e.g. `MCP server "github"`), named when two tools share a name. */
  readonly origin?: string;
  /** Checks parsed input against the tool's schema; returns the (possibly transformed) value or the issues. */
  validate(input: unknown): Promise<{ value: unknown; issues?: undefined } | { issues: ObjectIssue[] }>;
  /** Runs the tool. A throw becomes an error result naming the tool; it never ends the run. */
  execute(input: Input, options: ToolExecuteOptions): ToolOutcome<Output> | Promise<ToolOutcome<Output>>;
}

/** What `tool()` needs. */
export interface ToolDefinition<S extends SchemaInput, O extends SchemaInput | undefined = undefined> {
  name: string;
  description: string;
  /** A Standard Schema (Zod, Valibot, ArkType), a `jsonSchema<T>()` wrapper or a plain JSON Schema. */
  inputSchema: S;
  /**
   * Describes the tool's JSON result (any schema `inputSchema` takes); `execute` must then return that type
   * (or a `ToolResponse` such as `errorResponse(...)`). Without it, `execute` returns a string, a
   * `ToolResponse` or any JSON value.
   */
  outputSchema?: O;
  /** @default false */
  parallel?: boolean;
  providerOptions?: ProviderOptions;
  /** Asks a human before a call runs: `true`, or a function of the input. @default false */
  needsApproval?: ToolNeedsApproval<InferSchema<S>>;
  execute(input: InferSchema<S>, options: ToolExecuteOptions): ToolResult<O> | Promise<ToolResult<O>>;
}

/** What `execute` may return: with an `outputSchema`, its type or a `ToolResponse`; otherwise any outcome. */
export type ToolResult<O> = [O] extends [undefined]
  ? ToolOutcome
  : ToolResponse | InferSchema<Exclude<O, undefined>>;

/** The output type of a tool defined with `outputSchema` `O`. */
export type InferToolOutput<O> = [O] extends [undefined] ? JSONValue : InferSchema<Exclude<O, undefined>>;

/**
 * Defines a function tool. The input type comes from the schema; the agent validates each call against it
 * before `execute` runs, and sends invalid calls back to the model as error results.
 *
 * @example
 * const weather = tool({
 *   name: 'weather',
 *   description: 'Current weather in a city',
 *   inputSchema: z.object({ city: z.string() }),
 *   outputSchema: z.object({ city: z.string(), celsius: z.number() }),
 *   execute: async ({ city }) => ({ city, celsius: 21 }),
 * });
 */
export function tool<S extends SchemaInput, O extends SchemaInput | undefined = undefined>(
  definition: ToolDefinition<S, O>,
): AgentTool<InferSchema<S>, InferToolOutput<O>> {
  const schema = toObjectSchema(definition.inputSchema);
  const output = definition.outputSchema === undefined ? undefined : toObjectSchema(definition.outputSchema);
  return {
    type: 'function',
    name: definition.name,
    description: definition.description,
    inputSchema: normalizeSchema(schema.jsonSchema),
    parallel: definition.parallel ?? false,
    ...(output === undefined ? {} : { outputSchema: normalizeSchema(output.jsonSchema) }),
    ...(definition.providerOptions === undefined ? {} : { providerOptions: definition.providerOptions }),
    ...approvalOf(definition.needsApproval),
    validate: (input) => schema.validate(input),
    execute: (input, options) =>
      definition.execute(input, options) as
        | ToolOutcome<InferToolOutput<O>>
        | Promise<ToolOutcome<InferToolOutput<O>>>,
  };
}

function approvalOf<Input>(
  needsApproval: ToolNeedsApproval<Input> | undefined,
): Pick<AgentTool<Input>, 'needsApproval'> {
  if (needsApproval === undefined || needsApproval === false) return {};
  if (needsApproval === true) return { needsApproval: () => true };
  return { needsApproval: (input, options) => needsApproval(input, options) };
}
