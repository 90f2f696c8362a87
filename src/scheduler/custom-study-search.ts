import type { CustomStudy } from './custom-study';

/** The page search that asks for `study` (`parseCustomStudy` reads it back). */
export function customStudySearch(study: CustomStudy): string {
  const params = new URLSearchParams({ custom: study.kind });
  if ('days' in study) params.set('days', String(study.days));
  return `?${params}`;
}
