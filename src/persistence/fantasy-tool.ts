import type { JSONObject, JSONSchema } from '../spec/json-value.js';
import type { Tool } from '../spec/tool.js';
import type { WriteContext } from './fantasy-parts.js';
import { providerDataFromFantasy, providerDataToFantasy } from './fantasy-provider-data.js';
import { childContext, failAt, type ReadContext, readRecord, readString } from './read-value.js';

/** A tool as Fantasy writes it: `{type: "function" | "provider-defined", data}`; schemas and args as they are. */
export function toolToFantasy(tool: Tool, context: WriteContext): JSONObject {
  if (tool.type === 'provider-defined') {
    return { type: tool.type, data: { id: tool.id, name: tool.name, args: tool.args as JSONObject } };
  }
  const providerOptions = providerDataToFantasy(tool.providerOptions, {
    kind: 'options',
    path: `${context.path}.providerOptions`,
    options: context.options,
  });
  return {
    type: tool.type,
    data: {
      name: tool.name,
      description: tool.description,
      input_schema: tool.inputSchema as JSONObject,
      ...(providerOptions === undefined ? {} : { provider_options: providerOptions }),
    },
  };
}

/** A tool from Fantasy's JSON; an unknown type fails with "unknown tool type". */
export function toolFromFantasy(value: unknown, context: ReadContext): Tool {
  const envelope = readRecord(value, context);
  const type = readString(envelope.type, childContext(context, 'type'));
  const dataContext = childContext(context, 'data');
  const data = readRecord(envelope.data ?? {}, dataContext);
  const text = (key: string) =>
    data[key] === undefined ? '' : readString(data[key], childContext(dataContext, key));
  const object = (key: string) =>
    data[key] === undefined || data[key] === null
      ? {}
      : readRecord(data[key], childContext(dataContext, key));
  if (type === 'provider-defined') return { type, id: text('id'), name: text('name'), args: object('args') };
  if (type !== 'function') failAt(context, `unknown tool type: ${type}`);
  const providerOptions = providerDataFromFantasy(
    data.provider_options,
    childContext(dataContext, 'provider_options'),
  );
  return {
    type,
    name: text('name'),
    description: text('description'),
    inputSchema: object('input_schema') as JSONSchema,
    ...(providerOptions === undefined ? {} : { providerOptions }),
  };
}
