// Runs the gateway API as a process: validates the configuration (exit 2 on a bad value), starts,
// and shuts down cleanly on SIGINT/SIGTERM.
import { ConfigurationError, loadConfig } from './config.ts';
import { startGateway } from './gateway.ts';

try {
  const config = loadConfig();
  const gateway = await startGateway(config);
  const stop = (): void => {
    void gateway.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  if (err instanceof ConfigurationError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
}
