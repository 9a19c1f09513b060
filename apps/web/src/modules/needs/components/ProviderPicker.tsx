import type { Page, ProviderKind, SocialOrgListItem, SocialWorker } from "@sanshe/contracts";
import { Select } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { apiRequest } from "../../../ui/api";

type Option = { value: string; label: string };

/** Active social workers in scope (home area or a served community under `areaCode`), by name. */
function useProviderOptions(kind: ProviderKind, areaCode: string | undefined, q: string) {
  return useQuery({
    queryKey: ["needs", "provider-options", kind, areaCode ?? "", q],
    enabled: kind !== "community_queue",
    queryFn: async ({ signal }): Promise<Option[]> => {
      const query = { q: q.trim() || undefined, area_code: areaCode || undefined, status: "active", limit: 50 };
      if (kind === "social_worker") {
        const page = await apiRequest<Page<SocialWorker>>("/social-workers", { query, signal });
        return page.items.map((worker) => ({
          value: worker.id,
          label: `${worker.name}（${worker.organization_name ?? worker.area_name}）`,
        }));
      }
      const page = await apiRequest<Page<SocialOrgListItem>>("/social-orgs", { query: { ...query, area_code: undefined }, signal });
      return page.items.map((org) => ({ value: org.id, label: org.name }));
    },
  });
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
