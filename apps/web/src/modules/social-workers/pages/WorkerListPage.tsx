import { BarChartOutlined, PlusOutlined } from "@ant-design/icons";
import type { SocialWorker, SocialWorkerLevel } from "@sanshe/contracts";
import { Button, Card, Flex, Input, Select, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { PageHeader } from "../../../ui/PageHeader";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { useHasPermission } from "../../auth";
import { useWorkerList, type WorkerListFilters } from "../api";
import { LEVELS, LevelTag } from "../components/LevelTag";
import { OrganizationSelect } from "../components/OrganizationSelect";
import { WorkerCreateDrawer } from "../components/WorkerCreateDrawer";

/** 社工: server-paginated registry with search, filters, sort and registration. */
export function WorkerListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const canWrite = useHasPermission("social_workers.write");
  const [filters, setFilters] = useState<WorkerListFilters>({ sort: "name", order: "asc" });
  const [isCreating, setIsCreating] = useState(false);
  const paging = useCursorPaging(filters, 50);
  const { pagination, pageSize } = paging;
  const workers = useWorkerList({ ...filters, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = Boolean(filters.q ?? filters.level ?? filters.status ?? filters.organization_id);
  const update = (patch: WorkerListFilters) => setFilters((current) => ({ ...current, ...patch }));

  const columns: TableColumnsType<SocialWorker> = [
    {
      key: "name",
      title: t("socialWorkers.fields.name"),
      render: (_v, worker) => <Link to={`/social-workers/${worker.id}`}>{worker.name}</Link>,
    },
    { key: "level", title: t("socialWorkers.fields.level"), render: (_v, worker) => <LevelTag level={worker.level} /> },
    { key: "certificate", title: t("socialWorkers.fields.certificateNo"), dataIndex: "certificate_no" },
    { key: "year", title: t("socialWorkers.fields.certificateYear"), dataIndex: "certificate_year", width: 100 },
    { key: "organization", title: t("socialWorkers.fields.organization"), dataIndex: "organization_name" },
    {
      key: "communities",
      title: t("socialWorkers.fields.communities"),
      render: (_v, worker) => worker.communities.map((community) => <Tag key={community.area_code}>{community.area_name}</Tag>),
    },
    {
      key: "hours",
      title: t("socialWorkers.fields.trainingHours"),
      width: 130,
      render: (_v, worker) => (
        <span style={{ color: worker.training_hours_this_year < worker.training_hours_required ? "#cf1322" : undefined }}>
          {worker.training_hours_this_year} / {worker.training_hours_required}
        </span>
      ),
    },
    {
      key: "status",
      title: t("socialWorkers.fields.status"),
      width: 90,
      render: (_v, worker) => (
        <Tag color={worker.status === "active" ? "green" : "default"}>{t(`socialWorkers.status.${worker.status}`)}</Tag>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t("socialWorkers.list.title")}
        subtitle={t("socialWorkers.list.subtitle")}
        extra={
          <>
            <ExportButton kind="social-workers" filters={filters} />
            <Button icon={<BarChartOutlined />} onClick={() => void navigate("/social-workers/workforce")}>
              {t("socialWorkers.list.workforce")}
            </Button>
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)}>
                {t("socialWorkers.list.create")}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t("socialWorkers.list.search")}
            aria-label={t("socialWorkers.list.search")}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            style={{ width: 260 }}
          />
          <FilterChoice<SocialWorkerLevel>
            label={t("socialWorkers.fields.level")}
            placeholder={t("socialWorkers.list.allLevels")}
            value={filters.level}
            onChange={(level) => update({ level })}
            values={LEVELS}
            labelOf={(level) => t(`socialWorkers.level.${level}`)}
            width={170}
          />
          <FilterChoice<"active" | "left">
            label={t("socialWorkers.fields.status")}
            placeholder={t("socialWorkers.list.allStatuses")}
            value={filters.status}
            onChange={(status) => update({ status })}
            values={["active", "left"]}
            labelOf={(status) => t(`socialWorkers.status.${status}`)}
            width={130}
          />
          <OrganizationSelect
            allowClear
            placeholder={t("socialWorkers.fields.organization")}
            aria-label={t("socialWorkers.fields.organization")}
            value={filters.organization_id}
            onChange={(organization_id) => update({ organization_id })}
          />
          <Select
            aria-label={t("socialWorkers.list.sort")}
            value={`${filters.sort ?? "name"}:${filters.order ?? "asc"}`}
            onChange={(value: string) => {
              const [sort, order] = value.split(":") as [WorkerListFilters["sort"], WorkerListFilters["order"]];
              update({ sort, order });
            }}
            options={[
              { value: "name:asc", label: t("socialWorkers.list.sortName") },
              { value: "level:desc", label: t("socialWorkers.list.sortLevel") },
              { value: "certificate_year:desc", label: t("socialWorkers.list.sortYear") },
              { value: "updated_at:desc", label: t("socialWorkers.list.sortUpdated") },
            ]}
            style={{ width: 150 }}
          />
        </Flex>
        <CursorListTable<SocialWorker>
          query={workers}
          paging={paging}
          columns={columns}
          scrollX={1000}
          emptyText={hasFilters ? t("socialWorkers.list.emptyFiltered") : t("socialWorkers.list.empty")}
        />
      </Card>
      <WorkerCreateDrawer
        open={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(worker) => {
          setIsCreating(false);
          void navigate(`/social-workers/${worker.id}`);
        }}
      />
    </>
  );
}

type FilterChoiceProps<Value extends string> = {
  /** Accessible name of the choice. */
  label: string;
  placeholder: string;
  value: Value | undefined;
  onChange: (value: Value | undefined) => void;
  values: readonly Value[];
  labelOf: (value: Value) => string;
  width: number;
};

/** A clearable choice of one list filter. */
function FilterChoice<Value extends string>({ label, placeholder, value, onChange, values, labelOf, width }: FilterChoiceProps<Value>) {
  return (
    <Select
      allowClear
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={values.map((v) => ({ value: v, label: labelOf(v) }))}
      style={{ width }}
    />
  );
}
