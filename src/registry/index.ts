export { NoSuchProviderError } from '../errors/no-such-provider-error.js';
export {
  createProviderRegistry,
  type ProviderRegistry,
  type ProviderRegistryOptions,
} from './create-provider-registry.js';
