import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['tests/**/*.test.ts'],
      setupFiles: ['tests/setup.ts'],
      // Regenerating the API types imports the whole gateway; on a busy machine that takes a while.
      testTimeout: 60_000,
      restoreMocks: true,
    },
  }),
);
