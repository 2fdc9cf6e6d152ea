// PrimeVue's Aura theme, darkened where its defaults fail WCAG AA contrast (axe, serious): white text on the
// emerald-500 primary buttons (2.5:1), green-600 success text on green-50 (3.2:1), and the unselected toggle option
// (4.3:1). Tests mount pages with the same theme.
import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

export const registryTheme = definePreset(Aura, {
  semantic: {
    colorScheme: {
      light: { primary: { color: '{primary.700}', hoverColor: '{primary.800}', activeColor: '{primary.900}' } },
    },
  },
  components: {
    message: { colorScheme: { light: { success: { color: '{green.800}' } } } },
    togglebutton: { colorScheme: { light: { root: { color: '{surface.600}' } } } },
  },
});
