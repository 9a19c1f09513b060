import { socialOrgEndpoints, socialWorkerEndpoints, type ProviderKind } from "@sanshe/contracts";
import { Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { call, endpointKey } from "../../../ui/api";

type Option = { value: string; label: string };

/**
 * Active social workers in scope (home area or a served community under `areaCode`), or active
 * organizations, by name. The pages are cached as the registries answer them; options are derived.
 */
function useProviderOptions(kind: ProviderKind, areaCode: string | undefined, q: string) {
  const query = { q: q.trim() || undefined, area_code: areaCode || undefined, status: "active" as const, limit: 50 };
  const orgQuery = { ...query, area_code: undefined };
  const workers = useQuery({
    queryKey: endpointKey(socialWorkerEndpoints.list, { query }),
    queryFn: ({ signal }) => call(socialWorkerEndpoints.list, { query }, { signal }),
    enabled: kind === "social_worker",
    select: (page): Option[] =>
      page.items.map((worker) => ({ value: worker.id, label: `${worker.name}（${worker.organization_name ?? worker.area_name}）` })),
  });
  const organizations = useQuery({
    queryKey: endpointKey(socialOrgEndpoints.list, { query: orgQuery }),
    queryFn: ({ signal }) => call(socialOrgEndpoints.list, { query: orgQuery }, { signal }),
    enabled: kind !== "community_queue" && kind !== "social_worker",
    select: (page): Option[] => page.items.map((org) => ({ value: org.id, label: org.name })),
  });
  return kind === "social_worker" ? workers : organizations;
}

/**
 * Chooses the provider of a routing rule: a social worker in the owner's scope or an organization,
 * searched by name (the server checks the choice again); nothing for the community queue.
 */
export function ProviderPicker({
  kind,
  areaCode,
  value,
  onChange,
}: {
  kind: ProviderKind;
  areaCode: string | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const options = useProviderOptions(kind, areaCode, q);
  return (
    <Select
      allowClear
      disabled={kind === "community_queue"}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={options.isFetching}
      placeholder={t(kind === "social_worker" ? "needs.rules.pickWorker" : "needs.rules.pickOrganization")}
      notFoundContent={options.isFetching ? null : t("needs.rules.noProvider")}
      options={options.data ?? []}
    />
  );
}
