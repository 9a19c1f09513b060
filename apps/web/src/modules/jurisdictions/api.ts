import { areaEndpoints as api, type AreaPage } from "@sanshe/contracts";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { call, endpointFamily, endpointKey } from "../../ui/api";

/** Largest page the API serves; a tree level rarely has more children than this. */
export const AREA_PAGE_LIMIT = 200;

export type AreaListParams = {
  /** Children of this code; with neither parent nor q the caller's scope roots are listed. */
  parent?: string;
  /** Name search at any depth inside the caller's scope. */
  q?: string;
  cursor?: string;
  limit: number;
};

export const areaKeys = {
  all: endpointFamily(api.list),
  list: (params: AreaListParams) => endpointKey(api.list, { query: params }),
  detail: (code: string) => endpointKey(api.get, { params: { code } }),
};

function fetchAreaPage(params: AreaListParams, signal?: AbortSignal): Promise<AreaPage> {
  return call(api.list, { query: params }, { signal });
}

/** Loads a page of areas imperatively (tree expansion) through the query cache, seeding the detail cache. */
export function useAreaPageLoader(): (params: AreaListParams) => Promise<AreaPage> {
  const queryClient = useQueryClient();
  return useCallback(
    async (params: AreaListParams) => {
      const page = await queryClient.fetchQuery({
        queryKey: areaKeys.list(params),
        queryFn: ({ signal }) => fetchAreaPage(params, signal),
        staleTime: 5 * 60_000,
      });
      for (const area of page.items) {
        queryClient.setQueryData(areaKeys.detail(area.code), area);
      }
      return page;
    },
    [queryClient],
  );
}

/** One page of areas (roots, children or a search), kept on screen while the next page loads. */
export function useAreaList(params: AreaListParams, options: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: areaKeys.list(params),
    queryFn: async ({ signal }) => {
      const page = await fetchAreaPage(params, signal);
      for (const area of page.items) {
        queryClient.setQueryData(areaKeys.detail(area.code), area);
      }
      return page;
    },
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** The query of one area by code (404 NOT_FOUND when outside the caller's scope). */
export function areaQuery(code: string) {
  return {
    queryKey: areaKeys.detail(code),
    queryFn: ({ signal }: { signal: AbortSignal }) => call(api.get, { params: { code } }, { signal }),
    staleTime: 5 * 60_000,
    retry: false,
  };
}

/** One area by code (404 NOT_FOUND when outside the caller's scope). */
export function useArea(code: string | undefined) {
  return useQuery({ ...areaQuery(code ?? ""), enabled: code !== undefined && code !== "" });
}
