import assessments from '../locales/en/assessments.json';
import auth from '../locales/en/auth.json';
import board from '../locales/en/board.json';
import charts from '../locales/en/charts.json';
import common from '../locales/en/common.json';
import contribution from '../locales/en/contribution.json';
import edition from '../locales/en/edition.json';
import errors from '../locales/en/errors.json';
import layout from '../locales/en/layout.json';
import notifications from '../locales/en/notifications.json';
import insight from '../locales/en/insight.json';
import review from '../locales/en/review.json';
import round from '../locales/en/round.json';
import validation from '../locales/en/validation.json';

/** Shared namespaces no page shell needs: an app may load them with its first lazily loaded page (createStartupI18n). */
export const sharedLaterResources = {
  en: { assessments, auth, board, charts, contribution, edition, insight, review, round, validation },
};

/** Every namespace shipped by the UI kit (each app adds its own); what createI18n loads. */
export const sharedResources = {
  en: {
    assessments,
    auth,
    board,
    charts,
    common,
    contribution,
    edition,
    errors,
    insight,
    layout,
    notifications,
    review,
    round,
    validation,
  },
};
export const SHARED_NAMESPACES = Object.keys(sharedResources.en);
