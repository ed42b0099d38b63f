import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AsRunUploadResultDto,
  RadioReceivedDto,
  RadioStationDto,
  RadioStationListDto,
  RadioStationTokenDto,
  radioStationInput,
} from '../../shared/api/radio';
import { apiRequest } from './client';
import { formDataOf, postForm } from './evidence';
import { ACTIVITIES_KEY } from './query-keys';
import type { Json } from './types';

export type RadioStation = Json<RadioStationDto>;
export type RadioStationList = Json<RadioStationListDto>;
export type RadioStationToken = Json<RadioStationTokenDto>;
export type RadioReceived = Json<RadioReceivedDto>;
export type AsRunUploadResult = Json<AsRunUploadResultDto>;
export type RadioStationInput = z.input<typeof radioStationInput>;

const RADIO_KEY = 'radio';

/** The stations of a unit's roll-up, and whether the user may manage them. */
export function useRadioStations(unitId: string | undefined) {
  return useQuery({
    queryKey: [RADIO_KEY, 'stations', unitId ?? null],
    queryFn: ({ signal }) => apiRequest<RadioStationList>(`/api/units/${unitId}/radio-stations`, { signal }),
    enabled: Boolean(unitId),
  });
}

/** What a station sent lately (pushed or uploaded): under the records' key, so an upload refreshes it. */
export function useRadioReceived(stationId: string | null) {
  return useQuery({
    queryKey: [ACTIVITIES_KEY, RADIO_KEY, 'received', stationId],
    queryFn: ({ signal }) =>
      apiRequest<{ items: RadioReceived[] }>(`/api/radio/stations/${stationId}/received`, { signal }),
    enabled: Boolean(stationId),
  });
}

function useRadioMutation<Input, Output>(send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [RADIO_KEY] });
      await queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
    },
  });
}

export function useCreateRadioStation(unitId: string | undefined) {
  return useRadioMutation((input: RadioStationInput) =>
    apiRequest<RadioStationToken>(`/api/units/${unitId}/radio-stations`, { method: 'POST', body: input }),
  );
}

export function useRotateRadioStation() {
  return useRadioMutation((stationId: string) =>
    apiRequest<RadioStationToken>(`/api/radio/stations/${stationId}/rotate`, { method: 'POST', body: {} }),
  );
}

export function useRevokeRadioStation() {
  return useRadioMutation((stationId: string) =>
    apiRequest<RadioStation>(`/api/radio/stations/${stationId}`, { method: 'DELETE' }),
  );
}

/** An as-run CSV/XLSX of one station, all or nothing: a 400 lists every bad row. */
export function useUploadAsRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { stationId: string; file: File }) =>
      postForm<AsRunUploadResult>(
        queryClient,
        `/api/radio/stations/${input.stationId}/as-run.csv`,
        formDataOf({}, input.file),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [RADIO_KEY] });
      await queryClient.invalidateQueries({ queryKey: [ACTIVITIES_KEY] });
    },
  });
}
