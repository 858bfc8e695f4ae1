import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC, type Outputs } from '../../trpc';
import { STATIC } from '../catalogue/data';
import type { Answer, Answers } from './answers';

export type CriteriaData = Outputs['readiness']['criteria'];
export type Criterion = CriteriaData['criteria'][number];
export type AssessmentPillar = CriteriaData['pillars'][number];
export type ScoreResult = Outputs['readiness']['score'];
export type PillarScore = ScoreResult['pillars'][number];
export type Recommendations = ScoreResult['recommendations'];
export type OwnAssessment = Outputs['assessments']['getOwn'];
export type OwnAssessmentSummary = Outputs['assessments']['listOwn'][number];
export type Comparison = Outputs['assessments']['compareOwn'];

/** The Annex: the four assessment pillars, the 40 criteria and the tier bands. */
export function useCriteria() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.readiness.criteria.queryOptions(), ...STATIC });
}

/** Scores answers on the server without saving them; the previous result stays on screen while a new one loads. */
export function useLiveScore(answers: Answers) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.readiness.score.queryOptions({ answers: answers as Record<string, Answer> }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/** "10.5" / "10,5": points in the interface language. */
export function usePoints() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (points: number) => format.format(points);
}

export function signed(format: (n: number) => string, delta: number): string {
  if (delta > 0) return `+${format(delta)}`;
  if (delta < 0) return `−${format(-delta)}`;
  return format(0);
}
