// Public surface of the Fabric client library used by tests, benchmarks and the gateway API.
export * from './network-profile.ts';
export * from './identity.ts';
export * from './connection.ts';
export * from './errors.ts';
export * from './transaction-lookup.ts';
export * from './submit.ts';
