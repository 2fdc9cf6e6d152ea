// PrimeVue's Aura theme, darkened where its defaults fail WCAG AA contrast (axe, serious): white text on the
// emerald-500 primary buttons (2.5:1) and on the red-500 danger buttons (3.8:1), red-500 text of outlined and text
// danger buttons, green-600 success text on green-50 (3.2:1), and the unselected toggle option (4.3:1). Tests mount
// pages with the same theme.
import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

export const registryTheme = definePreset(Aura, {
  semantic: {
    colorScheme: {
      light: { primary: { color: '{primary.700}', hoverColor: '{primary.800}', activeColor: '{primary.900}' } },
    },
  },
  components: {
    button: {
      colorScheme: {
        light: {
          root: {
            danger: {
              background: '{red.700}',
              hoverBackground: '{red.800}',
              activeBackground: '{red.900}',
              borderColor: '{red.700}',
              hoverBorderColor: '{red.800}',
              activeBorderColor: '{red.900}',
            },
          },
          outlined: { danger: { color: '{red.700}' } },
          text: { danger: { color: '{red.700}' } },
        },
      },
    },
    message: { colorScheme: { light: { success: { color: '{green.800}' } } } },
    togglebutton: { colorScheme: { light: { root: { color: '{surface.600}' } } } },
  },
});
