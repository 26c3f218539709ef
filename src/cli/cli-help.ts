import { VERSION } from '../http/version.js';
import { cliProviders } from './cli-providers.js';
import { compatibleHostVariables } from './resolve-api-key.js';

const modelOptions = `Model options:
  -p, --provider <name>      ${cliProviders.map((entry) => entry.name).join(', ')} (default openai)
  -m, --model <id>           the model, e.g. gpt-4o-mini, or provider:model, e.g. anthropic:claude-sonnet-4-20250514
      --base-url <url>       the API's base URL (required for openaicompat and azure)
      --api-key-env <name>   read the API key from this environment variable
  -s, --system <text>        a system prompt
      --max-tokens <n>       the most tokens to generate
      --temperature <t>      the sampling temperature
      --max-retries <n>      retries of a call that failed with a retryable error (default 2)
      --json                 print one JSON stream part per line instead of rendered output
      --record <file.yaml>   record the HTTP session to a cassette (credentials are never written)
      --replay <file.yaml>   replay a recorded session; no API key or network needed
  -h, --help                 show this help`;

const keys = `API keys come from each provider's usual variable: ${cliProviders
  .filter((entry) => entry.environmentVariables.length > 0)
  .map((entry) => `${entry.name} ${entry.environmentVariables.join(' or ')}`)
  .join(', ')}. openaicompat picks it by the base URL's host: ${Object.entries(compatibleHostVariables)
  .slice(0, 6)
  .map(([host, variable]) => `${host} ${variable}`)
  .join(', ')}, ...; other hosts get no key unless --api-key-env names one.`;

/** Help for `fantasy` and each command. */
export const cliHelp = {
  main: `fantasy ${VERSION}: one API over many LLM providers

Usage:
  fantasy text [options] <prompt>                   stream a text answer
  fantasy object --schema <file.json> [options] <prompt>
                                                    stream a JSON object matching a JSON Schema
  fantasy chat [options]                            talk with a model (/exit to quit)
  fantasy cassette show [--full] <file.yaml>        print a recorded session readably

${modelOptions}

${keys}

Exit status: 0 done, 1 the run failed (the provider's error is shown), 2 the command line or setup must change.`,
  text: `Usage: fantasy text [options] <prompt>
Streams the model's answer as it arrives. Without a prompt argument, reads the prompt from stdin.

${modelOptions}`,
  object: `Usage: fantasy object --schema <file.json> [options] <prompt>
Streams an object that matches the JSON Schema, redrawing it in place as it grows; prints the final object.

Object options:
      --schema <file.json>          the JSON Schema of the object (required)
      --schema-name <name>          names the object for the model (default: the schema's title)
                                    (--max-tokens defaults to 4000 here)
      --schema-description <text>   describes the object for the model (default: the schema's description)
      --mode <mode>                 auto (default), json, tool or text

${modelOptions}`,
  chat: `Usage: fantasy chat [options]
A conversation: each line you type is a turn; the model sees the whole history. /exit or Ctrl-D quits,
/reset forgets the history.

Chat options:
      --session <file.json>   load the conversation from this file if it exists, and save it after each turn
      --mcp <command>         tools from an MCP server started as a child process, e.g. --mcp 'npx -y server'
                              (repeatable; the server gets a minimal environment, none of your API keys)
      --mcp-url <url>         tools from an MCP server over Streamable HTTP (repeatable)

${modelOptions}`,
  cassette: `Usage: fantasy cassette show [--full] <file.yaml>
Prints each recorded request (method, URL, JSON body) and response (status, body; server-sent events
summarized as text, reasoning, tool calls and usage). Long strings are cut unless --full is given.`,
};
