interface ImportMetaEnv {
  /** Where the gateway API is, as the browser reaches it; `/api/v1` (same origin, proxied) by default. */
  readonly VITE_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

// For tools that read .ts files without Vue's language service (ESLint's type checker); vue-tsc resolves the real
// components and ignores this.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
