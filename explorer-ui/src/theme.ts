// PrimeVue's Aura theme, darkened where its defaults fail WCAG AA contrast (axe, serious): white text on the
// emerald-500 primary buttons (2.5:1) and on the 500 shades of the danger, warn, success and info buttons, the same
// shades as text of outlined and text buttons, message texts on their pale backgrounds (green-600 on green-50 is
// 3.2:1), and the unselected toggle option (4.3:1). Tests mount pages with the same theme.
import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

/** A solid button of this palette with white text, and its outlined and text forms, at the 700 shade (AA on white). */
const shade700 = (palette: string) => ({
  solid: {
    background: `{${palette}.700}`,
    hoverBackground: `{${palette}.800}`,
    activeBackground: `{${palette}.900}`,
    borderColor: `{${palette}.700}`,
    hoverBorderColor: `{${palette}.800}`,
    activeBorderColor: `{${palette}.900}`,
  },
  outline: { color: `{${palette}.700}` },
});

// Button severities the explorer uses whose Aura colours fail AA: danger (red), warn (orange), success (green), info
// (sky). Primary follows the semantic primary colour below; secondary passes as it is.
const severities = {
  danger: shade700('red'),
  warn: shade700('orange'),
  success: shade700('green'),
  info: shade700('sky'),
};
const each = <T>(pick: (s: (typeof severities)['danger']) => T) =>
  Object.fromEntries(Object.entries(severities).map(([name, shades]) => [name, pick(shades)]));
const darkerButtons = {
  root: each((s) => s.solid),
  outlined: each((s) => s.outline),
  text: each((s) => s.outline),
};

export const registryTheme = definePreset(Aura, {
  semantic: {
    colorScheme: {
      light: { primary: { color: '{primary.700}', hoverColor: '{primary.800}', activeColor: '{primary.900}' } },
    },
  },
  components: {
    button: { colorScheme: { light: darkerButtons } },
    // Message texts on their pale backgrounds (the 600 shades are below 4.5:1 for error, warn and success).
    message: {
      colorScheme: {
        light: {
          success: { color: '{green.800}' },
          error: { color: '{red.800}' },
          warn: { color: '{yellow.800}' },
          info: { color: '{blue.800}' },
        },
      },
    },
    togglebutton: { colorScheme: { light: { root: { color: '{surface.600}' } } } },
  },
});
