import type { ImportCommit, ImportJob, Page, Problem } from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import i18next from "i18next";
import { API_BASE, ApiError, apiRequest, toQueryString } from "../../ui/api";

/** A job as listed: the report's rows are only in the single-job answer. */
export type ImportJobSummary = Omit<ImportJob, "errors">;
export type ImportTemplateFormat = "xlsx" | "csv";

/** Largest file the server accepts (spreadsheetLimits.bytes). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportListParams = { cursor?: string | undefined; limit: number };

export const importKeys = {
  all: ["imports"] as const,
  lists: () => ["imports", "list"] as const,
  list: (params: ImportListParams) => ["imports", "list", params] as const,
  detail: (id: string) => ["imports", "detail", id] as const,
};

/** Where the template of a kind downloads from (a plain link: the session cookie goes along). */
export function templateUrl(kind: string, format: ImportTemplateFormat): string {
  return `${API_BASE}/imports/templates/${encodeURIComponent(kind)}${toQueryString({ format })}`;
}

/** The caller's jobs, newest first (without their reports). Polls while one of them is running. */
export function useImportJobs(params: ImportListParams) {
  return useQuery({
    queryKey: importKeys.list(params),
    queryFn: ({ signal }) => apiRequest<Page<ImportJobSummary>>("/imports", { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((job) => job.status === "running") ? 5000 : false),
  });
}

/** One job with its report and progress; polled every second while it runs. */
export function useImportJob(id: string) {
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: ({ signal }) => apiRequest<ImportJob>(`/imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 1000 : false),
    retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
  });
}

function isProblemBody(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const record = value as Record<string, unknown>;
  return typeof record["code"] === "string" && typeof record["status"] === "number";
}

function fallbackProblem(status: number, code: string, detailKey: string): Problem {
  return { type: "about:blank", title: i18next.t("ui.problem.title"), status, code, detail: i18next.t(detailKey, { status }) };
}

type UploadInput = { kind: string; file: File; idempotencyKey: string };

/**
 * Sends the file as the raw request body (apiRequest only sends JSON). Nothing is written: the
 * answer is a job holding the validation report.
 */
async function uploadImportFile({ kind, file, idempotencyKey }: UploadInput): Promise<ImportJob> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/imports${toQueryString({ kind, file_name: file.name })}`, {
      method: "POST",
      headers: {
        Accept: "application/json, application/problem+json",
        "Accept-Language": i18next.language === "en" ? "en" : "zh-CN",
        "Content-Type": "application/octet-stream",
        "Idempotency-Key": idempotencyKey,
      },
      credentials: "same-origin",
      body: file,
    });
  } catch {
    throw new ApiError(fallbackProblem(0, "NETWORK_ERROR", "ui.problem.network"));
  }
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  const payload: unknown = isJson ? await response.json().catch(() => undefined) : undefined;
  if (!response.ok) {
    throw new ApiError(isProblemBody(payload) ? payload : fallbackProblem(response.status, "HTTP_ERROR", "ui.problem.http"));
  }
  if (!isJson) {
    throw new ApiError(fallbackProblem(response.status, "UNEXPECTED_RESPONSE", "ui.problem.unexpected"));
  }
  return payload as ImportJob;
}

function useJobSettled() {
  const queryClient = useQueryClient();
  return (job: ImportJob) => {
    queryClient.setQueryData(importKeys.detail(job.id), job);
    void queryClient.invalidateQueries({ queryKey: importKeys.lists() });
  };
}

/** Uploads a file and gets its validation report (400 IMPORT_FILE_INVALID, 404 UNKNOWN_KIND, 413). */
export function useUploadImport() {
  const settle = useJobSettled();
  return useMutation({ mutationFn: uploadImportFile, onSuccess: settle });
}

/** Starts writing a validated job (409 IMPORT_HAS_ERRORS, 409 IMPORT_NOT_READY); it then runs in the background. */
export function useCommitImport(id: string) {
  const settle = useJobSettled();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ImportCommit & { idempotencyKey: string }) =>
      apiRequest<ImportJob>(`/imports/${encodeURIComponent(id)}/commit`, { method: "POST", body, idempotencyKey }),
    onSuccess: settle,
  });
}

/** Continues an interrupted job after its last committed row. */
export function useResumeImport(id: string) {
  const settle = useJobSettled();
  return useMutation({
    mutationFn: ({ idempotencyKey }: { idempotencyKey: string }) =>
      apiRequest<ImportJob>(`/imports/${encodeURIComponent(id)}/resume`, { method: "POST", body: {}, idempotencyKey }),
    onSuccess: settle,
  });
}
