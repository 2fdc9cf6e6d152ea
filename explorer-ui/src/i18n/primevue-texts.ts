// The texts PrimeVue's components speak themselves (a dialog's "Close" button, a select's "No results found"), in
// the explorer's languages; PrimeVue ships only English. Only the keys of the components the explorer uses.
import type { Locale } from './index';

interface ComponentTexts {
  emptyFilterMessage: string;
  emptyMessage: string;
  emptySearchMessage: string;
  emptySelectionMessage: string;
  searchMessage: string;
  selectionMessage: string;
  passwordPrompt: string;
  aria: { close: string; previous: string; next: string; trueLabel: string; falseLabel: string };
}

export const PRIMEVUE_TEXTS: Readonly<Record<Locale, ComponentTexts>> = {
  en: {
    emptyFilterMessage: 'No results found',
    emptyMessage: 'No available options',
    emptySearchMessage: 'No results found',
    emptySelectionMessage: 'No selected item',
    searchMessage: '{0} results are available',
    selectionMessage: '{0} items selected',
    passwordPrompt: 'Enter a password',
    aria: { close: 'Close', previous: 'Previous', next: 'Next', trueLabel: 'True', falseLabel: 'False' },
  },
  fr: {
    emptyFilterMessage: 'Aucun résultat',
    emptyMessage: 'Aucune option disponible',
    emptySearchMessage: 'Aucun résultat',
    emptySelectionMessage: 'Aucun élément choisi',
    searchMessage: '{0} résultats disponibles',
    selectionMessage: '{0} éléments choisis',
    passwordPrompt: 'Saisissez un mot de passe',
    aria: { close: 'Fermer', previous: 'Précédent', next: 'Suivant', trueLabel: 'Vrai', falseLabel: 'Faux' },
  },
  es: {
    emptyFilterMessage: 'No hay resultados',
    emptyMessage: 'No hay opciones disponibles',
    emptySearchMessage: 'No hay resultados',
    emptySelectionMessage: 'Ningún elemento elegido',
    searchMessage: '{0} resultados disponibles',
    selectionMessage: '{0} elementos elegidos',
    passwordPrompt: 'Introduzca una contraseña',
    aria: { close: 'Cerrar', previous: 'Anterior', next: 'Siguiente', trueLabel: 'Verdadero', falseLabel: 'Falso' },
  },
};
