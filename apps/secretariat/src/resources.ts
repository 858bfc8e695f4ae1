import boards from './locales/en/boards.json';
import reviews from './locales/en/review.json';
import consultations from './locales/en/consultations.json';
import dashboard from './locales/en/dashboard.json';
import invitations from './locales/en/invitations.json';
import jobs from './locales/en/jobs.json';
import mail from './locales/en/mail.json';
import readiness from './locales/en/readiness.json';
import shell from './locales/en/shell.json';
import signIn from './locales/en/signIn.json';
import translations from './locales/en/translations.json';
import users from './locales/en/users.json';
import worksurface from './locales/en/worksurface.json';

/** The secretariat app's own namespaces; shared ones (layout, validation, errors, auth, common) come from @musyawarah/ui. */
export const appResources = {
  en: {
    boards,
    consultations,
    dashboard,
    invitations,
    jobs,
    mail,
    readiness,
    reviews,
    shell,
    signIn,
    translations,
    users,
    worksurface,
  },
};
