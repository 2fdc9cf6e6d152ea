// Texts of the signed-in portal, in every language of the explorer; each area keeps its own texts beside its pages.
import credits from './credits/messages';
import organisation from './organisation/messages';
import programmes from './programmes/messages';

const en = {
  header: { signIn: 'Sign in', signOut: 'Sign out', portal: 'My registry', account: 'Signed in as {name}' },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with the e-mail address and password your organisation’s administrator gave you.',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
  },
  home: {
    title: 'My registry',
    name: 'Name',
    email: 'E-mail address',
    organisation: 'Organisation',
    role: 'Role',
    viewOnly: 'Your role lets you see your organisation’s records; it does not let you change them.',
  },
  menu: {
    label: 'Portal menu',
    programmes: 'Programmes',
    credits: 'Credits',
    organisation: 'Organisation',
  },
  roles: { Admin: 'Administrator', Manager: 'Manager', ViewOnly: 'View only' },
  companyRoles: {
    Government: 'Government',
    Certifier: 'Certifier',
    ProgrammeDeveloper: 'Programme developer',
    PartnerRegistry: 'Partner registry',
    MRV: 'MRV provider',
  },
  action: {
    running: 'Sending to the ledger…',
    done: 'Done: the ledger has recorded it.',
    transaction: 'Transaction',
    explanation: 'The registry says:',
    cancel: 'Cancel',
    reason: 'Reason',
    reasonOptional: 'Reason (optional)',
    reasonProblem: 'Say why, in at least 3 characters.',
  },
  password: { show: 'Show password' },
  notAllowed: 'Your organisation role or user role does not allow this page.',
  programmes: programmes.en,
  credits: credits.en,
  organisation: organisation.en,
};

export type PortalMessages = typeof en;

const fr: PortalMessages = {
  header: { signIn: 'Se connecter', signOut: 'Se déconnecter', portal: 'Mon registre', account: 'Connecté : {name}' },
  signIn: {
    title: 'Connexion',
    intro: 'Connectez-vous avec l’adresse e-mail et le mot de passe donnés par l’administrateur de votre organisation.',
    email: 'Adresse e-mail',
    password: 'Mot de passe',
    submit: 'Se connecter',
  },
  home: {
    title: 'Mon registre',
    name: 'Nom',
    email: 'Adresse e-mail',
    organisation: 'Organisation',
    role: 'Rôle',
    viewOnly: 'Votre rôle vous permet de consulter les données de votre organisation, pas de les modifier.',
  },
  menu: {
    label: 'Menu du portail',
    programmes: 'Programmes',
    credits: 'Crédits',
    organisation: 'Organisation',
  },
  roles: { Admin: 'Administrateur', Manager: 'Gestionnaire', ViewOnly: 'Consultation' },
  companyRoles: {
    Government: 'Gouvernement',
    Certifier: 'Certificateur',
    ProgrammeDeveloper: 'Développeur de programmes',
    PartnerRegistry: 'Registre partenaire',
    MRV: 'Prestataire MRV',
  },
  action: {
    running: 'Envoi au registre distribué…',
    done: 'C’est fait : le registre l’a enregistré.',
    transaction: 'Transaction',
    explanation: 'Le registre indique :',
    cancel: 'Annuler',
    reason: 'Motif',
    reasonOptional: 'Motif (facultatif)',
    reasonProblem: 'Indiquez le motif, en 3 caractères au moins.',
  },
  password: { show: 'Afficher le mot de passe' },
  notAllowed: 'Votre rôle d’organisation ou d’utilisateur ne permet pas cette page.',
  programmes: programmes.fr,
  credits: credits.fr,
  organisation: organisation.fr,
};

const es: PortalMessages = {
  header: { signIn: 'Iniciar sesión', signOut: 'Cerrar sesión', portal: 'Mi registro', account: 'Sesión de {name}' },
  signIn: {
    title: 'Iniciar sesión',
    intro: 'Inicie sesión con el correo electrónico y la contraseña que le dio el administrador de su organización.',
    email: 'Correo electrónico',
    password: 'Contraseña',
    submit: 'Iniciar sesión',
  },
  home: {
    title: 'Mi registro',
    name: 'Nombre',
    email: 'Correo electrónico',
    organisation: 'Organización',
    role: 'Rol',
    viewOnly: 'Su rol le permite ver los registros de su organización, no modificarlos.',
  },
  menu: {
    label: 'Menú del portal',
    programmes: 'Programas',
    credits: 'Créditos',
    organisation: 'Organización',
  },
  roles: { Admin: 'Administrador', Manager: 'Gestor', ViewOnly: 'Solo lectura' },
  companyRoles: {
    Government: 'Gobierno',
    Certifier: 'Certificador',
    ProgrammeDeveloper: 'Desarrollador de programas',
    PartnerRegistry: 'Registro asociado',
    MRV: 'Proveedor MRV',
  },
  action: {
    running: 'Enviando al libro mayor…',
    done: 'Hecho: el libro mayor lo ha registrado.',
    transaction: 'Transacción',
    explanation: 'El registro indica:',
    cancel: 'Cancelar',
    reason: 'Motivo',
    reasonOptional: 'Motivo (opcional)',
    reasonProblem: 'Indique el motivo, con al menos 3 caracteres.',
  },
  password: { show: 'Mostrar contraseña' },
  notAllowed: 'Su rol de organización o de usuario no permite esta página.',
  programmes: programmes.es,
  credits: credits.es,
  organisation: organisation.es,
};

export default { en, fr, es };
