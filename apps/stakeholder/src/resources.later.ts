import account from './locales/en/account.json';
import assessment from './locales/en/assessment.json';
import boards from './locales/en/boards.json';
import catalogue from './locales/en/catalogue.json';
import consultations from './locales/en/consultations.json';
import editions from './locales/en/editions.json';
import invitation from './locales/en/invitation.json';
import opendata from './locales/en/opendata.json';
import password from './locales/en/password.json';
import privacy from './locales/en/privacy.json';
import register from './locales/en/register.json';
import reviews from './locales/en/review.json';
import signIn from './locales/en/signIn.json';
import worksurface from './locales/en/worksurface.json';

/** Namespaces of the pages that load on demand: fetched once, with the first such page (see i18n.ts). */
export const laterResources = {
  en: {
    account,
    assessment,
    boards,
    catalogue,
    consultations,
    editions,
    invitation,
    opendata,
    password,
    privacy,
    register,
    reviews,
    signIn,
    worksurface,
  },
};
