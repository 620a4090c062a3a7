import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../app/api.ts';
import type { CorrespondentView } from './correspondent.ts';

/** Correspondents matching what was typed (words in any order, accents optional, or a phone). */
export function useCorrespondents(
  q: string,
  filter: { kind?: string; includeInactive?: boolean; limit?: number },
) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.includeInactive) params.set('includeInactive', 'true');
  params.set('limit', String(filter.limit ?? 100));
  return useQuery({
    queryKey: ['directory', 'correspondents', params.toString()],
    queryFn: () => get<CorrespondentView[]>(`/api/directory/correspondents?${params}`),
    placeholderData: keepPreviousData,
  });
}
