import type {
  ApplicationDetail,
  Call,
  ContractAttachment,
  ContractClosing,
  ContractCreate,
  ContractDetail,
  ContractStatus,
  CreditRecord,
  CreditSummary,
  EvaluatorCandidate,
  EvidenceCandidates,
  FundingSource,
  LedgerEntry,
  LedgerEntryCreate,
  LedgerSummary,
  MilestoneDecision,
  MilestoneReport,
  MilestoneReportCreate,
  Page,
  Contract,
  ProjectEvaluation,
  ProjectIndicators,
  PurchaserEvaluation,
  ThirdPartyEvaluation,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiRequest, isProblem } from "../../../ui/api";

export type ContractListParams = {
  q?: string | undefined;
  status?: ContractStatus | undefined;
  org_id?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};
export type LedgerListParams = {
  org_id?: string | undefined;
  source?: FundingSource | undefined;
  contract_id?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};
export type LedgerSummaryParams = { org_id: string } | { area: string };

export const contractKeys = {
  all: ["contracts"] as const,
  list: (params: ContractListParams) => ["contracts", "list", params] as const,
  detail: (id: string) => ["contracts", "detail", id] as const,
  evaluation: (id: string) => ["contracts", "evaluation", id] as const,
  evidence: (id: string) => ["contracts", "evidence", id] as const,
  evaluators: (id: string) => ["contracts", "evaluators", id] as const,
  ledger: ["funding-ledger"] as const,
};

const contractPath = (id: string, rest = "") => `/contracts/${encodeURIComponent(id)}${rest}`;

export function useContractList(params: ContractListParams) {
  return useQuery({
    queryKey: contractKeys.list(params),
    queryFn: ({ signal }) => apiRequest<Page<Contract>>("/contracts", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: contractKeys.detail(id ?? ""),
    queryFn: ({ signal }) => apiRequest<ContractDetail>(contractPath(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

/** The closing evaluation; only asked for once the contract has left the active state (404 before). */
export function useEvaluation(id: string, enabled: boolean) {
  return useQuery({
    queryKey: contractKeys.evaluation(id),
    queryFn: ({ signal }) => apiRequest<ProjectEvaluation>(contractPath(id, "/evaluation"), { signal }),
    enabled,
  });
}

export function useEvidenceCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: contractKeys.evidence(id),
    queryFn: ({ signal }) => apiRequest<EvidenceCandidates>(contractPath(id, "/evidence-candidates"), { signal }),
    enabled,
  });
}

export function useEvaluatorCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: contractKeys.evaluators(id),
    queryFn: ({ signal }) => apiRequest<{ items: EvaluatorCandidate[] }>(contractPath(id, "/evaluator-candidates"), { signal }),
    enabled,
  });
}

/** The awarded application a contract is drawn up from, and its call (for the cap and the KPIs). */
export function useApplicationForContract(applicationId: string | undefined) {
  const application = useQuery({
    queryKey: ["contracts", "application", applicationId],
    queryFn: ({ signal }) => apiRequest<ApplicationDetail>(`/applications/${encodeURIComponent(applicationId ?? "")}`, { signal }),
    enabled: applicationId !== undefined,
  });
  const callId = application.data?.call_id;
  const call = useQuery({
    queryKey: ["contracts", "call", callId],
    queryFn: ({ signal }) => apiRequest<Call>(`/calls/${encodeURIComponent(callId ?? "")}`, { signal }),
    enabled: callId !== undefined,
  });
  return { application, call };
}

export function useCreateContract(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ContractCreate & { idempotencyKey: string }) =>
      apiRequest<ContractDetail>(`/applications/${encodeURIComponent(applicationId)}/contract`, { method: "POST", body, idempotencyKey }),
    onSuccess: (saved) => {
      queryClient.setQueryData(contractKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["contracts", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["calls"] });
      void queryClient.invalidateQueries({ queryKey: ["applications"] });
    },
  });
}

/** After any write on a contract: refetch the contract, its evaluation, the lists and the ledger. */
function useRefreshContract(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: contractKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: contractKeys.evaluation(id) });
    void queryClient.invalidateQueries({ queryKey: ["contracts", "list"] });
    void queryClient.invalidateQueries({ queryKey: contractKeys.ledger });
  };
}

export function useUploadContractAttachment(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: ({ file, idempotencyKey }: { file: File; idempotencyKey: string }) =>
      apiRequest<ContractAttachment>(contractPath(id, "/attachments"), {
        method: "POST",
        body: file,
        query: { name: file.name.slice(0, 200) },
        idempotencyKey,
      }),
    onSuccess: refresh,
  });
}

export function useReportMilestone(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: ({ milestoneId, idempotencyKey, ...body }: MilestoneReportCreate & { milestoneId: string; idempotencyKey: string }) =>
      apiRequest<MilestoneReport>(contractPath(id, `/milestones/${encodeURIComponent(milestoneId)}/reports`), {
        method: "POST",
        body,
        idempotencyKey,
      }),
    onSuccess: refresh,
  });
}

/** Accept or return a report. A 409 (decided meanwhile, e.g. a second click elsewhere) refreshes the contract too. */
export function useDecideReport(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: ({ reportId, idempotencyKey, ...body }: MilestoneDecision & { reportId: string; idempotencyKey: string }) =>
      apiRequest<MilestoneReport>(`/milestone-reports/${encodeURIComponent(reportId)}/decision`, { method: "POST", body, idempotencyKey }),
    onSuccess: refresh,
    onError: (error) => {
      if (isProblem(error) && error.status === 409) {
        refresh();
      }
    },
  });
}

export function useCloseContract(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ContractClosing & { idempotencyKey: string }) =>
      apiRequest<ContractDetail>(contractPath(id, "/closing"), { method: "POST", body, idempotencyKey }),
    onSuccess: refresh,
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        refresh();
      }
    },
  });
}

export function usePurchaserEvaluation(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: (body: PurchaserEvaluation) =>
      apiRequest<ProjectEvaluation>(contractPath(id, "/evaluation/purchaser"), { method: "PUT", body }),
    onSuccess: refresh,
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        refresh();
      }
    },
  });
}

export function useThirdPartyEvaluation(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: (body: ThirdPartyEvaluation) =>
      apiRequest<ProjectEvaluation>(contractPath(id, "/evaluation/third-party"), { method: "PUT", body }),
    onSuccess: refresh,
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        refresh();
      }
    },
  });
}

export function useLedger(params: LedgerListParams) {
  return useQuery({
    queryKey: [...contractKeys.ledger, "list", params],
    queryFn: ({ signal }) => apiRequest<Page<LedgerEntry>>("/funding-ledger", { query: params, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLedgerSummary(params: LedgerSummaryParams | undefined) {
  return useQuery({
    queryKey: [...contractKeys.ledger, "summary", params],
    queryFn: ({ signal }) => apiRequest<LedgerSummary>("/funding-ledger/summary", { query: params, signal }),
    enabled: params !== undefined,
  });
}

export function useCreateLedgerEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: LedgerEntryCreate & { idempotencyKey: string }) =>
      apiRequest<LedgerEntry>("/funding-ledger", { method: "POST", body, idempotencyKey }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: contractKeys.ledger });
    },
  });
}

export function useProjectIndicators(area: string | undefined) {
  return useQuery({
    queryKey: ["projects", "indicators", area],
    queryFn: ({ signal }) => apiRequest<ProjectIndicators>("/projects/indicators", { query: { area }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreditRecord(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ["projects", "credit", orgId],
    queryFn: ({ signal }) => apiRequest<CreditRecord>(`/social-orgs/${encodeURIComponent(orgId ?? "")}/credit`, { signal }),
    enabled: enabled && orgId !== undefined,
  });
}

export function usePublicCredit(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ["projects", "public-credit", orgId],
    queryFn: ({ signal }) => apiRequest<CreditSummary>(`/public/social-orgs/${encodeURIComponent(orgId ?? "")}/credit`, { signal }),
    enabled: enabled && orgId !== undefined,
  });
}
