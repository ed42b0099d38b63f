import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LibraryItemKind } from '../../shared/activities';
import type {
  LibraryCreatedDto,
  LibraryItemDetailDto,
  LibraryItemDto,
  LibraryTranslationDto,
  libraryItemUpdate,
  libraryListQuery,
} from '../../shared/api/library';
import { apiRequest } from './client';
import { formDataOf, postForm } from './evidence';
import type { Json, Page } from './types';

export const LIBRARY_KEY = 'library';

export type LibraryItem = Json<LibraryItemDto>;
export type LibraryItemDetail = Json<LibraryItemDetailDto>;
export type LibraryCreated = Json<LibraryCreatedDto>;
export type LibraryTranslation = Json<LibraryTranslationDto>;
export type LibraryFilter = Partial<z.input<typeof libraryListQuery>>;
/** Instants travel as ISO strings ("2026-03-01T08:00:00+07:00"); null makes or keeps a draft. */
export type LibraryItemChanges = Omit<z.input<typeof libraryItemUpdate>, 'publishedAt'> & {
  publishedAt?: string | null;
};

/** A new item: text kinds carry the body, file kinds the file. */
export interface LibraryItemFields {
  kind: LibraryItemKind;
  title: string;
  summary?: string;
  body?: string;
  language: string;
  topics: string[];
  publishedAt: string | null;
  file?: File;
}

export interface TranslationFields {
  language: string;
  title: string;
  summary?: string;
  body?: string;
  file?: File;
}

export function useLibraryItems(filter: LibraryFilter) {
  return useQuery({
    queryKey: [LIBRARY_KEY, 'list', filter],
    queryFn: ({ signal }) =>
      apiRequest<Page<LibraryItem>>('/api/library', {
        query: filter as Record<string, string | number | boolean | undefined>,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useLibraryItem(itemId: string | null) {
  return useQuery({
    queryKey: [LIBRARY_KEY, 'detail', itemId],
    queryFn: ({ signal }) => apiRequest<LibraryItemDetail>(`/api/library/${itemId}`, { signal }),
    enabled: Boolean(itemId),
  });
}

/** Publishes (or drafts) an item: JSON for text, multipart when a file goes with it. */
export function usePublishLibraryItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, fields }: { unitId: string; fields: LibraryItemFields }) => {
      const path = `/api/units/${unitId}/library`;
      const { file, ...rest } = fields;
      if (!file) return apiRequest<LibraryCreated>(path, { method: 'POST', body: rest });
      return postForm<LibraryCreated>(queryClient, path, formDataOf(rest, file));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [LIBRARY_KEY] }),
  });
}

export function useUpdateLibraryItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, changes }: { itemId: string; changes: LibraryItemChanges }) =>
      apiRequest<LibraryItemDetail>(`/api/library/${itemId}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [LIBRARY_KEY] }),
  });
}

export function useAddTranslation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, fields }: { itemId: string; fields: TranslationFields }) => {
      const path = `/api/library/${itemId}/translations`;
      const { file, ...rest } = fields;
      if (!file) return apiRequest<LibraryCreated>(path, { method: 'POST', body: rest });
      return postForm<LibraryCreated>(queryClient, path, formDataOf({ ...rest }, file));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [LIBRARY_KEY] }),
  });
}
