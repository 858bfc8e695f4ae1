import en from './en/mail.json';
import fil from './fil/mail.json';
import id from './id/mail.json';
import km from './km/mail.json';
import lo from './lo/mail.json';
import ms from './ms/mail.json';
import my from './my/mail.json';
import pt from './pt/mail.json';
import ta from './ta/mail.json';
import tet from './tet/mail.json';
import th from './th/mail.json';
import vi from './vi/mail.json';
import zh from './zh/mail.json';

/** Every language's mail.json (English is the fallback for a key a translation lacks). */
export const mailResources = {
  en: { mail: en },
  fil: { mail: fil },
  id: { mail: id },
  km: { mail: km },
  lo: { mail: lo },
  ms: { mail: ms },
  my: { mail: my },
  pt: { mail: pt },
  ta: { mail: ta },
  tet: { mail: tet },
  th: { mail: th },
  vi: { mail: vi },
  zh: { mail: zh },
};
