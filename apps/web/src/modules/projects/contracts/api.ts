import {
  applicationEndpoints,
  callEndpoints,
  contractEndpoints as api,
  creditEndpoints,
  evaluationEndpoints,
  ledgerEndpoints,
  projectIndicatorEndpoints,
  reviewEndpoints,
  type ContractClosing,
  type ContractCreate,
  type ContractListQuery,
  type ContractStatus,
  type LedgerDirection,
  type LedgerEntryCreate,
  type LedgerHolderKind,
  type LedgerPurpose,
  type LedgerSource,
  type MilestoneDecision,
  type MilestoneReportCreate,
  type PurchaserEvaluation,
  type ThirdPartyEvaluation,
} from "@sanshe/contracts";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, endpointHref, endpointKey, isProblem } from "../../../ui/api";

export type ContractListParams = {
  q?: string | undefined;
  status?: ContractStatus | undefined;
  org_id?: string | undefined;
  sort?: ContractListQuery["sort"];
  cursor?: string | undefined;
  limit: number;
};
export type LedgerListParams = {
  holder_kind?: LedgerHolderKind | undefined;
  org_id?: string | undefined;
  community?: string | undefined;
  direction?: LedgerDirection | undefined;
  source?: LedgerSource | undefined;
  purpose?: LedgerPurpose | undefined;
  year?: number | undefined;
  contract_id?: string | undefined;
  cursor?: string | undefined;
  limit: number;
};
export type LedgerSummaryParams = ({ org_id: string } | { area: string } | { community: string }) & { year?: number | undefined };
export type LedgerBalancesParams = {
  area: string;
  holder_kind?: LedgerHolderKind | undefined;
  year?: number | undefined;
  cursor?: string | undefined;
  limit: number;
};

const byId = (id: string) => ({ params: { id } });

export function useContractList(query: ContractListParams) {
  return useQuery({
    queryKey: endpointKey(api.list, { query }),
    queryFn: ({ signal }) => call(api.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: endpointKey(api.get, byId(id ?? "")),
    queryFn: ({ signal }) => call(api.get, byId(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

/** The closing evaluation; only asked for once the contract has left the active state (404 before). */
export function useEvaluation(id: string, enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(evaluationEndpoints.get, byId(id)),
    queryFn: ({ signal }) => call(evaluationEndpoints.get, byId(id), { signal }),
    enabled,
  });
}

export function useEvidenceCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(api.evidenceCandidates, byId(id)),
    queryFn: ({ signal }) => call(api.evidenceCandidates, byId(id), { signal }),
    enabled,
  });
}

export function useEvaluatorCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: endpointKey(evaluationEndpoints.evaluatorCandidates, byId(id)),
    queryFn: ({ signal }) => call(evaluationEndpoints.evaluatorCandidates, byId(id), { signal }),
    enabled,
  });
}

/** The awarded application a contract is drawn up from, and its call (for the cap and the KPIs). */
export function useApplicationForContract(applicationId: string | undefined) {
  const application = useQuery({
    queryKey: endpointKey(applicationEndpoints.get, byId(applicationId ?? "")),
    queryFn: ({ signal }) => call(applicationEndpoints.get, byId(applicationId ?? ""), { signal }),
    enabled: applicationId !== undefined,
  });
  const callId = application.data?.call_id;
  const callQuery = useQuery({
    queryKey: endpointKey(callEndpoints.get, byId(callId ?? "")),
    queryFn: ({ signal }) => call(callEndpoints.get, byId(callId ?? ""), { signal }),
    enabled: callId !== undefined,
  });
  return { application, call: callQuery };
}

/** Every answer about calls, applications and their review (what signing a contract can change). */
const callReads = [
  callEndpoints.list,
  callEndpoints.get,
  callEndpoints.suggestion,
  callEndpoints.reviewerCandidates,
  applicationEndpoints.list,
  applicationEndpoints.get,
  reviewEndpoints.ranking,
  reviewEndpoints.result,
  creditEndpoints.record,
];

export function useCreateContract(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: ContractCreate & { idempotencyKey: string }) =>
      call(api.create, { params: { id: applicationId }, body }, { idempotencyKey }),
    onSuccess: (saved) => {
      queryClient.setQueryData(endpointKey(api.get, byId(saved.id)), saved);
      void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
      for (const read of callReads) {
        void queryClient.invalidateQueries({ queryKey: endpointKey(read) });
      }
    },
  });
}

/** After any write on a contract: refetch the contract, its evaluation, the lists and the ledger. */
function useRefreshContract(id: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.get, byId(id)) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(evaluationEndpoints.get, byId(id)) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(api.list) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(ledgerEndpoints.list) });
    void queryClient.invalidateQueries({ queryKey: endpointKey(ledgerEndpoints.summary) });
  };
}

export function useUploadContractAttachment(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: ({ file, idempotencyKey }: { file: File; idempotencyKey: string }) =>
      call(api.attach, { params: { id }, query: { name: file.name.slice(0, 200) }, body: file }, { idempotencyKey }),
    onSuccess: refresh,
  });
}

export function useReportMilestone(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: ({ milestoneId, idempotencyKey, ...body }: MilestoneReportCreate & { milestoneId: string; idempotencyKey: string }) =>
      call(api.reportMilestone, { params: { id, mid: milestoneId }, body }, { idempotencyKey }),
    onSuccess: refresh,
  });
}

/** Accept or return a report. A 409 (decided meanwhile, e.g. a second click elsewhere) refreshes the contract too. */
export function useDecideReport(id: string) {
  const refresh = useRefreshContract(id);
  return useMutation({
    mutationFn: ({ reportId, idempotencyKey, ...body }: MilestoneDecision & { reportId: string; idempotencyKey: string }) =>
      call(api.decideReport, { params: { id: reportId }, body }, { idempotencyKey }),
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
      call(evaluationEndpoints.close, { params: { id }, body }, { idempotencyKey }),
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
    mutationFn: (body: PurchaserEvaluation) => call(evaluationEndpoints.purchaser, { params: { id }, body }),
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
    mutationFn: (body: ThirdPartyEvaluation) => call(evaluationEndpoints.thirdParty, { params: { id }, body }),
    onSuccess: refresh,
    onError: (error) => {
      if (isProblem(error, "VERSION_CONFLICT")) {
        refresh();
      }
    },
  });
}

export function useLedger(query: LedgerListParams) {
  return useQuery({
    queryKey: endpointKey(ledgerEndpoints.list, { query }),
    queryFn: ({ signal }) => call(ledgerEndpoints.list, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useLedgerSummary(query: LedgerSummaryParams | undefined) {
  return useQuery({
    queryKey: endpointKey(ledgerEndpoints.summary, { query }),
    queryFn: ({ signal }) => call(ledgerEndpoints.summary, { query }, { signal }),
    enabled: query !== undefined,
  });
}

export function useCreateLedgerEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ idempotencyKey, ...body }: LedgerEntryCreate & { idempotencyKey: string }) =>
      call(ledgerEndpoints.create, { body }, { idempotencyKey }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: endpointKey(ledgerEndpoints.list) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(ledgerEndpoints.summary) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(ledgerEndpoints.balances) });
    },
  });
}

/** Per holder and year: money in, out and the balance, in an area. */
export function useLedgerBalances(query: LedgerBalancesParams | undefined) {
  return useQuery({
    queryKey: endpointKey(ledgerEndpoints.balances, { query }),
    queryFn: ({ signal }) => call(ledgerEndpoints.balances, { query: query as LedgerBalancesParams }, { signal }),
    enabled: query !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Figures 3-4 and 3-5 of an area in a year. */
export function useLedgerStructure(area: string | undefined, year: number) {
  const query = { area: area ?? "", year };
  return useQuery({
    queryKey: endpointKey(ledgerEndpoints.structure, { query }),
    queryFn: ({ signal }) => call(ledgerEndpoints.structure, { query }, { signal }),
    enabled: area !== undefined,
  });
}

/** The files of a ledger entry. */
export function useLedgerAttachments(id: string | undefined) {
  return useQuery({
    queryKey: endpointKey(ledgerEndpoints.attachments, byId(id ?? "")),
    queryFn: ({ signal }) => call(ledgerEndpoints.attachments, byId(id ?? ""), { signal }),
    enabled: id !== undefined,
  });
}

/** Download address of a ledger attachment (the session cookie goes along). */
export function ledgerAttachmentHref(id: string, attachmentId: string): string {
  return endpointHref(ledgerEndpoints.download, { params: { id, attachmentId } });
}

/** Uploads a receipt or invoice to a ledger entry (raw bytes). */
export function useUploadLedgerAttachment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => call(ledgerEndpoints.attach, { params: { id }, query: { name: file.name.slice(0, 200) }, body: file }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: endpointKey(ledgerEndpoints.attachments, byId(id)) });
      void queryClient.invalidateQueries({ queryKey: endpointKey(ledgerEndpoints.list) });
    },
  });
}

export function useProjectIndicators(area: string | undefined) {
  const query = { area };
  return useQuery({
    queryKey: endpointKey(projectIndicatorEndpoints.get, { query }),
    queryFn: ({ signal }) => call(projectIndicatorEndpoints.get, { query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreditRecord(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: endpointKey(creditEndpoints.record, byId(orgId ?? "")),
    queryFn: ({ signal }) => call(creditEndpoints.record, byId(orgId ?? ""), { signal }),
    enabled: enabled && orgId !== undefined,
  });
}

export function usePublicCredit(orgId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: endpointKey(creditEndpoints.publicSummary, byId(orgId ?? "")),
    queryFn: ({ signal }) => call(creditEndpoints.publicSummary, byId(orgId ?? ""), { signal }),
    enabled: enabled && orgId !== undefined,
  });
}

/** Download address of a contract's evidence file (the session cookie authorizes it). */
export const contractAttachmentHref = (contractId: string, attachmentId: string) =>
  endpointHref(api.download, { params: { id: contractId, attachmentId } });
