import type { WorkforceQuery, WorkforceRow } from "@sanshe/contracts";
import { Alert, Button, Card, Empty, Flex, Form, Input, Select, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useMe } from "../../auth";
import { useWorkforce } from "../api";
import { WorkforceChart } from "../components/WorkforceChart";
import { SummaryTable } from "../../../ui/SummaryTable";

type Values = { area_code: string; by: WorkforceQuery["by"] };

function defaultBy(code: string): WorkforceQuery["by"] {
  return code.length <= 4 ? "district" : code.length <= 6 ? "street" : "community";
}

/** 社工配比: workers per 1,000 residents by child unit, against the 2–3 per 1,000 standard. */
export function WorkforcePage() {
  const { t } = useTranslation();
  const me = useMe();
  const home = me.data?.memberships[0]?.area_code ?? "";
  const [chosen, setQuery] = useState<WorkforceQuery | undefined>(undefined);
  // Until the user asks for another jurisdiction, show their own.
  const query = chosen ?? (home ? { area_code: home, by: defaultBy(home) } : undefined);
  const workforce = useWorkforce(query);
  const data = workforce.data;
  const red = (row: WorkforceRow) => (row.below_standard ? { color: "#cf1322", fontWeight: 600 } : undefined);

  const columns: TableColumnsType<WorkforceRow> = [
    {
      key: "unit",
      title: t("socialWorkers.workforce.unit"),
      render: (_v, row) => (row.area_code ? `${row.area_name} (${row.area_code})` : t("socialWorkers.workforce.total")),
    },
    { key: "workers", title: t("socialWorkers.workforce.workers"), dataIndex: "workers", align: "right" },
    {
      key: "residents",
      title: t("socialWorkers.workforce.residents"),
      dataIndex: "residents",
      align: "right",
      render: (value: number) => value.toLocaleString(),
    },
    {
      key: "perThousand",
      title: t("socialWorkers.workforce.perThousand"),
      align: "right",
      render: (_v, row) => <span style={red(row)}>{row.per_thousand ?? t("socialWorkers.workforce.noResidents")}</span>,
    },
    {
      key: "standard",
      title: t("socialWorkers.workforce.standard"),
      align: "right",
      render: () => `${data?.standard_per_thousand ?? 2}–${data?.standard_upper_per_thousand ?? 3}`,
    },
    {
      key: "shortfall",
      title: t("socialWorkers.workforce.shortfall"),
      align: "right",
      render: (_v, row) => <span style={red(row)}>{row.shortfall}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("socialWorkers.workforce.title")}
        subtitle={t("socialWorkers.workforce.subtitle", {
          low: data?.standard_per_thousand ?? 2,
          high: data?.standard_upper_per_thousand ?? 3,
        })}
        extra={<Link to="/social-workers">{t("socialWorkers.detail.back")}</Link>}
      />
      <Card>
        <Form<Values>
          layout="inline"
          key={home}
          initialValues={{ area_code: home, by: defaultBy(home) }}
          onFinish={(values) => setQuery({ area_code: values.area_code.trim(), by: values.by })}
          style={{ marginBottom: 16, rowGap: 8 }}
        >
          <Form.Item
            name="area_code"
            label={t("socialWorkers.workforce.areaCode")}
            rules={[{ required: true, pattern: /^(\d{2}|\d{4}|\d{6}|\d{9})$/ }]}
          >
            <Input inputMode="numeric" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="by" label={t("socialWorkers.workforce.by")}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: "district", label: t("socialWorkers.workforce.byDistrict") },
                { value: "street", label: t("socialWorkers.workforce.byStreet") },
                { value: "community", label: t("socialWorkers.workforce.byCommunity") },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={workforce.isFetching}>
            {t("socialWorkers.workforce.show")}
          </Button>
        </Form>
        {workforce.isError ? <ProblemAlert error={workforce.error} style={{ marginBottom: 16 }} /> : null}
        {data ? (
          <Flex vertical gap={16}>
            {data.total.residents === 0 ? <Alert type="info" showIcon title={t("socialWorkers.workforce.noPopulation")} /> : null}
            {data.rows.length > 0 ? (
              <WorkforceChart rows={data.rows} standard={data.standard_per_thousand} label={t("socialWorkers.workforce.perThousand")} />
            ) : null}
            <SummaryTable<WorkforceRow>
              rowKey={(row) => row.area_code || "total"}
              columns={columns}
              dataSource={[...data.rows, data.total]}
              rowClassName={(row) => (row.area_code ? "" : "sanshe-total-row")}
              locale={{ emptyText: <Empty /> }}
            />
            <Typography.Text type="secondary">
              {data.total.area_name}: {t("socialWorkers.workforce.workers")} {data.total.workers}, {t("socialWorkers.workforce.shortfall")}{" "}
              {data.total.shortfall}
            </Typography.Text>
          </Flex>
        ) : (
          <Empty description={t("socialWorkers.workforce.empty")} />
        )}
      </Card>
    </>
  );
}
