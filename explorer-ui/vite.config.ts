// The dev server and `vite preview` proxy the API to the gateway, so the explorer talks to it same-origin (no CORS).
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const proxy = { '/api': gateway, '/openapi.json': gateway };

export default defineConfig({
  plugins: [vue()],
  // vue-i18n's feature flags: Composition API only, no legacy API, no devtools in production.
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy },
  preview: { proxy },
  build: { target: 'es2022' },
});
