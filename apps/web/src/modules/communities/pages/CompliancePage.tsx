import { CheckOutlined, CloseOutlined } from "@ant-design/icons";
import { standardFacilityTypes, type ComplianceItem, type StandardFacilityType } from "@sanshe/contracts";
import { Card, Col, Flex, Row, Select, Statistic } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { CursorListTable } from "../../../ui/CursorListTable";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useCursorPaging } from "../../../ui/useCursorPagination";
import { AreaFilterBar, useAreaFilter } from "../components/AreaFilter";
import { useCompliance } from "../api";
import { MissingChart } from "../components/MissingChart";

/** 三室两栏一站 compliance of a jurisdiction: communities × six facilities, a "missing X" filter and the summary. */
export function CompliancePage() {
  const { t } = useTranslation();
  const { areaCode, setAreaCode, area } = useAreaFilter();
  const [missing, setMissing] = useState<StandardFacilityType | undefined>();
  const paging = useCursorPaging([area, missing], 50);
  const { pagination, pageSize } = paging;
  const compliance = useCompliance({ area_code: area, missing, cursor: pagination.cursor, limit: pageSize });
  const summary = compliance.data?.summary;

  const columns: TableColumnsType<ComplianceItem> = [
    {
      key: "name",
      title: t("communities.fields.name"),
      fixed: "left",
      width: 220,
      render: (_v, item) => <Link to={`/communities/${item.code}`}>{item.name}</Link>,
    },
    ...standardFacilityTypes.map((type) => ({
      key: type,
      title: t(`communities.facilityType.${type}`),
      width: 100,
      align: "center" as const,
      render: (_v: unknown, item: ComplianceItem) =>
        item.has[type] ? (
          <CheckOutlined style={{ color: "#389e0d" }} aria-label={t("communities.compliance.has")} />
        ) : (
          <CloseOutlined style={{ color: "#cf1322" }} aria-label={t("communities.compliance.lacks")} />
        ),
    })),
  ];

  return (
    <>
      <PageHeader title={t("communities.compliance.title")} subtitle={t("communities.compliance.subtitle")} />
      {compliance.isError ? <ProblemAlert error={compliance.error} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={8}>
          <Card style={{ height: "100%" }}>
            <Flex vertical gap={16}>
              <Statistic title={t("communities.compliance.communities")} value={summary?.communities ?? "—"} />
              <Statistic title={t("communities.compliance.compliantCount")} value={summary?.compliant ?? "—"} />
              <Statistic
                title={t("communities.compliance.rate")}
                value={summary && summary.communities > 0 ? Math.round((summary.compliant / summary.communities) * 100) : "—"}
                suffix={summary && summary.communities > 0 ? "%" : undefined}
              />
            </Flex>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card title={t("communities.compliance.missingCount")} style={{ height: "100%" }}>
            {summary ? <MissingChart summary={summary} /> : null}
          </Card>
        </Col>
      </Row>
      <Card>
        <AreaFilterBar areaCode={areaCode} onAreaCodeChange={setAreaCode}>
          <Select
            allowClear
            placeholder={t("communities.compliance.missingFilter")}
            aria-label={t("communities.compliance.missingFilter")}
            style={{ width: 200 }}
            value={missing}
            onChange={setMissing}
            options={standardFacilityTypes.map((type) => ({
              value: type,
              label: t("communities.compliance.missingOption", { name: t(`communities.facilityType.${type}`) }),
            }))}
          />
        </AreaFilterBar>
        <CursorListTable<ComplianceItem>
          query={compliance}
          paging={paging}
          showError={false}
          rowKey="code"
          columns={columns}
          scrollX={900}
          emptyText={t("communities.compliance.empty")}
        />
      </Card>
    </>
  );
}
