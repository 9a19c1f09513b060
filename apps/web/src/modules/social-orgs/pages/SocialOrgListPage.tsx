import { PlusOutlined } from "@ant-design/icons";
import type {
  SocialOrgCategory,
  SocialOrgGrade,
  SocialOrgListItem,
  SocialOrgRegistration,
  SocialOrgSort,
  SocialOrgStatus,
} from "@sanshe/contracts";
import { Button, Card, Space, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useHasPermission } from "../../auth";
import { CursorListTable } from "../../../ui/CursorListTable";
import { formatDateTime } from "../../../ui/formatDateTime";
import { ExportButton } from "../../../ui/ExportButton";
import { PageHeader } from "../../../ui/PageHeader";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useSocialOrgList, type SocialOrgListFilters } from "../api";
import { CATEGORIES, GRADES, REGISTRATIONS, SORTS, STATUSES } from "../components/options";
import { SocialOrgFilters } from "../components/SocialOrgFilters";
import { SocialOrgFormDrawer } from "../components/SocialOrgFormDrawer";

function pick<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((candidate) => candidate === value);
}

/** 社会组织: server-paginated list with filters, search and sort, kept in the URL. */
export function SocialOrgListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useHasPermission("social_orgs.write");
  const [searchParams, setSearchParams] = useSearchParams();
  const [isCreating, setIsCreating] = useState(false);

  const filters = useMemo<SocialOrgListFilters>(
    () => ({
      q: searchParams.get("q") ?? undefined,
      category: pick<SocialOrgCategory>(CATEGORIES, searchParams.get("category")),
      grade: pick<SocialOrgGrade>(GRADES, searchParams.get("grade")),
      status: pick<SocialOrgStatus>(STATUSES, searchParams.get("status")),
      registration: pick<SocialOrgRegistration>(REGISTRATIONS, searchParams.get("registration")),
      sort: pick<SocialOrgSort>(SORTS, searchParams.get("sort")),
    }),
    [searchParams],
  );
  const setFilters = (next: SocialOrgListFilters) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      const text = typeof value === "string" ? value.trim() : "";
      if (text !== "") {
        params.set(key, text);
      }
    }
    setSearchParams(params);
  };

  const paging = useCursorPaging(filters, 50);
  const { pagination, pageSize } = paging;
  const orgs = useSocialOrgList({ ...filters, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Object.values(filters).some((value) => value !== undefined);

  const columns: TableColumnsType<SocialOrgListItem> = [
    {
      key: "name",
      title: t("socialOrgs.fields.name"),
      render: (_value, org) => (
        <Link to={`/social-orgs/${org.id}`}>
          {org.name}
          {org.is_social_work_agency ? (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t("socialOrgs.public.agency")}
            </Tag>
          ) : null}
        </Link>
      ),
    },
    { key: "category", title: t("socialOrgs.fields.category"), render: (_v, org) => t(`socialOrgs.category.${org.category}`), width: 120 },
    { key: "grade", title: t("socialOrgs.fields.grade"), render: (_v, org) => org.grade ?? t("socialOrgs.none"), width: 90 },
    {
      key: "registration",
      title: t("socialOrgs.fields.registration"),
      render: (_v, org) => t(`socialOrgs.registration.${org.registration}`),
      width: 90,
    },
    { key: "area", title: t("socialOrgs.fields.area"), dataIndex: "area_name", width: 140 },
    {
      key: "status",
      title: t("socialOrgs.fields.status"),
      render: (_v, org) => (
        <Tag color={org.status === "active" ? "green" : org.status === "suspended" ? "orange" : "default"}>
          {t(`socialOrgs.status.${org.status}`)}
        </Tag>
      ),
      width: 110,
    },
    { key: "founded", title: t("socialOrgs.fields.foundedOn"), dataIndex: "founded_on", width: 120 },
    { key: "updated", title: t("socialOrgs.fields.updatedAt"), render: (_v, org) => formatDateTime(org.updated_at), width: 180 },
  ];

  return (
    <>
      <PageHeader
        title={t("socialOrgs.list.title")}
        subtitle={t("socialOrgs.list.subtitle")}
        extra={
          <Space>
            <ExportButton kind="social-orgs" filters={filters} />
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
                {t("socialOrgs.list.create")}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <SocialOrgFilters value={filters} onChange={setFilters} />
        <CursorListTable<SocialOrgListItem>
          query={orgs}
          paging={paging}
          columns={columns}
          scrollX={1000}
          emptyText={hasFilters ? t("socialOrgs.list.emptyFiltered") : t("socialOrgs.list.empty")}
        />
      </Card>
      <SocialOrgFormDrawer
        open={isCreating}
        onClose={() => setIsCreating(false)}
        onSaved={(org) => {
          setIsCreating(false);
          void navigate(`/social-orgs/${org.id}`);
        }}
      />
    </>
  );
}
