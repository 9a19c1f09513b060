import { importEndpoints as api, type ImportCommit, type ImportJob, type Locale } from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, call, endpointHref, endpointKey } from "../../ui/api";

/** A job as listed: the report's rows are only in the single-job answer. */
export type ImportJobSummary = Omit<ImportJob, "errors">;
export type ImportTemplateFormat = "xlsx" | "csv";

/** Largest file the server accepts. */
export const MAX_IMPORT_BYTES = api.create.upload.maxBytes;

export type ImportListParams = { cursor?: string | undefined; limit: number };

const byId = (id: string) => ({ params: { id } });

/** Where the template of a kind downloads from (a plain link: the session cookie goes along), in the console's language. */
export function templateUrl(kind: string, format: ImportTemplateFormat, lang: Locale): string {
  return endpointHref(api.template, { params: { kind }, query: { format, lang } });
}

/** The caller's jobs, newest first (without their reports). Polls while one of them is running. */
export function useImportJobs(params: ImportListParams) {
  return useQuery({
    queryKey: endpointKey(api.list, { query: params }),
    queryFn: ({ signal }) => call(api.list, { query: params }, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((job) => isInProgress(job.status)) ? 5000 : false),
  });
}

/** Whether a job is still moving (being checked or written): the console polls it. */
export function isInProgress(status: ImportJob["status"]): boolean {
  return status === "validating" || status === "running";
}

/** One job with its report and progress; polled every second while it is checked or written. */
export function useImportJob(id: string) {
  return useQuery({
    queryKey: endpointKey(api.get, byId(id)),
    queryFn: ({ signal }) => call(api.get, byId(id), { signal }),
    refetchInterval: (query) => (query.state.data && isInProgress(query.state.data.status) ? 1000 : false),
    retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
  });
}

type UploadInput = { kind: string; file: File; idempotencyKey: string };

/**
 * Sends the file as the raw request body, always typed application/octet-stream (the server reads
 * XLSX or CSV by content, not by the browser's guess). Nothing is written: the answer comes at once
 * with a job being checked in the background (its page polls the progress, then shows the report).
 */
function uploadImportFile({ kind, file, idempotencyKey }: UploadInput): Promise<ImportJob> {
  return call(
    api.create,
    { query: { kind, file_name: file.name, check: "background" }, body: new Blob([file], { type: "application/octet-stream" }) },
    { idempotencyKey },
  );
}

function useJobSettled() {
  const queryClient = useQueryClient();
  return (job: ImportJob) => {
    queryClient.setQueryData(endpointKey(api.get, byId(job.id)), job);
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
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
      call(api.commit, { ...byId(id), body }, { idempotencyKey }),
    onSuccess: settle,
  });
}

/** Continues an interrupted job after its last committed row. */
export function useResumeImport(id: string) {
  const settle = useJobSettled();
  return useMutation({
    mutationFn: ({ idempotencyKey }: { idempotencyKey: string }) => call(api.resume, byId(id), { idempotencyKey }),
    onSuccess: settle,
  });
}
