import account from './locales/en/account.json';
import assessment from './locales/en/assessment.json';
import boards from './locales/en/boards.json';
import editions from './locales/en/editions.json';
import reviews from './locales/en/review.json';
import catalogue from './locales/en/catalogue.json';
import consultations from './locales/en/consultations.json';
import home from './locales/en/home.json';
import invitation from './locales/en/invitation.json';
import password from './locales/en/password.json';
import privacy from './locales/en/privacy.json';
import register from './locales/en/register.json';
import shell from './locales/en/shell.json';
import signIn from './locales/en/signIn.json';

/** The stakeholder app's own namespaces; shared ones (layout, validation, errors, auth, common) come from @musyawarah/ui. */
export const appResources = {
  en: {
    account,
    assessment,
    boards,
    catalogue,
    consultations,
    editions,
    home,
    invitation,
    password,
    privacy,
    register,
    reviews,
    shell,
    signIn,
  },
};
