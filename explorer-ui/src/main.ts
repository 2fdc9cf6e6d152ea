import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { createApp } from 'vue';
import App from './App.vue';
import { i18n } from './i18n';
import { useSessionStore, authoriseApiRequests } from './portal/session/session-store';
import { router } from './router';
import './styles.css';
import { registryTheme } from './theme';

document.documentElement.lang = i18n.global.locale.value;

const pinia = createPinia();
authoriseApiRequests(useSessionStore(pinia));

createApp(App)
  .use(pinia)
  .use(router)
  .use(i18n)
  .use(PrimeVue, { theme: { preset: registryTheme, options: { darkModeSelector: false } } })
  .mount('#app');
