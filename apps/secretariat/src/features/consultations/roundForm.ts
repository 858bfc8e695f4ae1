import {
  checkedList,
  formSchema,
  isoToLocal,
  localToIso,
  optionOrBlank,
  optionsIn,
  userTimeZone,
} from '@musyawarah/ui';
import {
  LANGUAGES,
  MEMBER_STATE_CODES,
  STAKEHOLDER_GROUPS,
  type LanguageCode,
  type MemberStateCode,
  type StakeholderGroup,
} from '@musyawarah/core';
import { roundInput } from '@musyawarah/core/consultation/schemas';
import {
  ACCOMMODATIONS,
  EVENT_MODES,
  REPRESENTATION_DIMENSIONS,
  ROUND_AUDIENCES,
  ROUND_FORMATS,
  type Accommodation,
  type EventMode,
  type RepresentationDimension,
  type RoundAudience,
  type RoundFormat,
} from '@musyawarah/core/consultation/vocabulary';
import type { RoundDetail } from './shared';

/** What the round editor holds: strings as inputs give them, turned into `roundInput`'s shape before validation. */
export interface RoundFormValues {
  title: Record<string, string>;
  description: Record<string, string>;
  format: RoundFormat | '';
  actionIds: string[];
  audience: RoundAudience | '';
  invitedGroups: StakeholderGroup[];
  boardId: string;
  memberStates: MemberStateCode[];
  languages: LanguageCode[];
  opensAt: string;
  closesAt: string;
  hasEvent: boolean;
  event: {
    mode: EventMode | '';
    venue: string;
    link: string;
    capacity: string;
    startsAt: string;
    endsAt: string;
    timezone: string;
    accommodationsOffered: Accommodation[];
  };
  targets: { dimension: RepresentationDimension | ''; value: string; minimum: string }[];
}

const num = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** Only the round's languages are sent: text typed in a language that was then unticked is not kept. */
function pickLanguages(text: Record<string, string>, languages: string[]) {
  return Object.fromEntries(
    Object.entries(text).filter(([lang]) => lang === 'en' || languages.includes(lang)),
  );
}

export function toRoundInput(values: RoundFormValues) {
  const languages = checkedList(values.languages);
  return {
    title: pickLanguages(values.title, languages),
    description: pickLanguages(values.description, languages),
    format: values.format || undefined,
    actionIds: values.actionIds,
    audience: values.audience || undefined,
    invitedGroups: checkedList(values.invitedGroups),
    boardId: values.boardId,
    memberStates: checkedList(values.memberStates),
    languages,
    opensAt: localToIso(values.opensAt),
    closesAt: localToIso(values.closesAt),
    event: values.hasEvent
      ? {
          mode: values.event.mode || undefined,
          venue: values.event.venue,
          link: values.event.link,
          capacity: num(values.event.capacity),
          startsAt: localToIso(values.event.startsAt),
          endsAt: localToIso(values.event.endsAt),
          timezone: values.event.timezone,
          accommodationsOffered: checkedList(values.event.accommodationsOffered),
        }
      : null,
    targets: values.targets.map((target) => ({
      dimension: target.dimension || undefined,
      value: target.value,
      minimum: num(target.minimum),
    })),
  };
}

/** The form's schema: the shared `roundInput`, after the inputs' strings are turned into its types. */
export const roundFormSchema = formSchema(toRoundInput, roundInput);

export function emptyRound(): RoundFormValues {
  return {
    title: { en: '' },
    description: { en: '' },
    format: 'online_consultation',
    actionIds: [],
    audience: 'public',
    invitedGroups: [],
    boardId: '',
    memberStates: [],
    languages: ['en'],
    opensAt: '',
    closesAt: '',
    hasEvent: false,
    event: {
      mode: 'online',
      venue: '',
      link: '',
      capacity: '',
      startsAt: '',
      endsAt: '',
      timezone: userTimeZone(),
      accommodationsOffered: [],
    },
    targets: [],
  };
}

type StoredEvent = Partial<{
  mode: string;
  venue: string;
  link: string;
  capacity: number;
  startsAt: string;
  endsAt: string;
  timezone: string;
  accommodationsOffered: string[];
}>;

export function roundToForm(round: RoundDetail): RoundFormValues {
  const empty = emptyRound();
  const event = round.event as StoredEvent | null;
  const targets = (Array.isArray(round.targets) ? round.targets : []) as {
    dimension: string;
    value: string;
    minimum: number;
  }[];
  return {
    title: { ...round.title },
    description: { ...round.description },
    format: optionOrBlank(ROUND_FORMATS, round.format),
    actionIds: [...round.actionIds],
    audience: optionOrBlank(ROUND_AUDIENCES, round.audience),
    invitedGroups: optionsIn(STAKEHOLDER_GROUPS, round.invitedGroups),
    // The API does not return the board id yet; the editor asks for it again when the audience is a board.
    boardId: (round as { boardId?: string | null }).boardId ?? '',
    memberStates: optionsIn(MEMBER_STATE_CODES, round.memberStates),
    languages: optionsIn(LANGUAGES, round.languages),
    opensAt: isoToLocal(round.opensAt),
    closesAt: isoToLocal(round.closesAt),
    hasEvent: !!event,
    event: event
      ? {
          mode: event.mode ? optionOrBlank(EVENT_MODES, event.mode) : 'online',
          venue: event.venue ?? '',
          link: event.link ?? '',
          capacity: event.capacity ? String(event.capacity) : '',
          startsAt: isoToLocal(event.startsAt),
          endsAt: isoToLocal(event.endsAt),
          timezone: event.timezone ?? userTimeZone(),
          accommodationsOffered: optionsIn(ACCOMMODATIONS, event.accommodationsOffered ?? []),
        }
      : empty.event,
    targets: targets.map((target) => ({
      ...target,
      dimension: optionOrBlank(REPRESENTATION_DIMENSIONS, target.dimension),
      minimum: String(target.minimum),
    })),
  };
}
