import { BarChartOutlined } from "@ant-design/icons";
import type { Community, CommunityKind } from "@sanshe/contracts";
import { Button, Card, Input, Select, Space, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorListTable } from "../../../ui/CursorListTable";
import { ExportButton } from "../../../ui/ExportButton";
import { PageHeader } from "../../../ui/PageHeader";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { AreaFilterBar, useAreaFilter } from "../components/AreaFilter";
import { useCommunityList } from "../api";
import { ComplianceTags } from "../components/ComplianceTags";

const KINDS: CommunityKind[] = ["new", "old", "transitional", "village_converted"];
/** 社区: communities of the jurisdiction with kind, population and 三室两栏一站 compliance. */
export function CommunityListPage() {
  const { t } = useTranslation();
  const { areaCode, setAreaCode, area } = useAreaFilter();
  const [kind, setKind] = useState<CommunityKind | undefined>();
  const [compliant, setCompliant] = useState<"true" | "false" | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const paging = useCursorPaging([area, kind, compliant, q], 50);
  const { pagination, pageSize } = paging;
  const list = useCommunityList({ area_code: area, kind, compliant, q, cursor: pagination.cursor, limit: pageSize });
  const hasFilters = area !== undefined || kind !== undefined || compliant !== undefined || q !== undefined;

  const columns: TableColumnsType<Community> = [
    {
      key: "code",
      title: t("communities.fields.code"),
      dataIndex: "code",
      width: 140,
      render: (code: string) => <span data-allow-code>{code}</span>,
    },
    {
      key: "name",
      title: t("communities.fields.name"),
      render: (_value, community) => <Link to={`/communities/${community.code}`}>{community.name}</Link>,
    },
    {
      key: "kind",
      title: t("communities.fields.kind"),
      width: 120,
      render: (_value, community) => (community.kind ? t(`communities.kind.${community.kind}`) : "—"),
    },
    {
      key: "population",
      title: t("communities.fields.population"),
      dataIndex: "population",
      width: 110,
      render: (v: number | null) => v ?? "—",
    },
    {
      key: "compliant",
      title: t("communities.fields.compliant"),
      width: 110,
      render: (_value, community) =>
        community.compliant ? (
          <Tag color="success">{t("communities.compliance.yes")}</Tag>
        ) : (
          <Tag color="error">{t("communities.compliance.no")}</Tag>
        ),
    },
    { key: "has", title: t("communities.fields.standard"), render: (_value, community) => <ComplianceTags has={community.has} /> },
  ];

  return (
    <>
      <PageHeader
        title={t("communities.list.title")}
        subtitle={t("communities.list.subtitle")}
        extra={
          <Space>
            <ExportButton kind="communities" filters={{ area_code: area, kind, compliant, q }} />
            <Link to="/communities/compliance">
              <Button icon={<BarChartOutlined />}>{t("communities.compliance.title")}</Button>
            </Link>
          </Space>
        }
      />
      <Card>
        <AreaFilterBar areaCode={areaCode} onAreaCodeChange={setAreaCode}>
          <Select
            allowClear
            placeholder={t("communities.fields.kind")}
            aria-label={t("communities.fields.kind")}
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={KINDS.map((value) => ({ value, label: t(`communities.kind.${value}`) }))}
          />
          <Select
            allowClear
            placeholder={t("communities.fields.compliant")}
            aria-label={t("communities.fields.compliant")}
            style={{ width: 160 }}
            value={compliant}
            onChange={setCompliant}
            options={[
              { value: "true", label: t("communities.compliance.yes") },
              { value: "false", label: t("communities.compliance.no") },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t("communities.list.search")}
            aria-label={t("communities.list.search")}
            style={{ width: 240 }}
            onSearch={(value) => setQ(value.trim() === "" ? undefined : value.trim())}
          />
        </AreaFilterBar>
        <CursorListTable<Community>
          query={list}
          paging={paging}
          rowKey="code"
          columns={columns}
          scrollX={1000}
          emptyText={hasFilters ? t("communities.list.emptyFiltered") : t("communities.list.empty")}
        />
      </Card>
    </>
  );
}
