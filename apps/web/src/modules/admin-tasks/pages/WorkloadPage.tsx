import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import type { Workload, WorkloadQuery } from "@sanshe/contracts/admin-tasks";
import { Button, Card, Col, Empty, Flex, Row, Spin, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { DayRangePicker } from "../../../ui/DayRangePicker";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { withSearchParams } from "../../../ui/searchParams";
import { SummaryTable } from "../../../ui/SummaryTable";
import { useMe } from "../../auth";
import { AreaCodeInput } from "../../jurisdictions";
import { useWorkload, workloadExportHref } from "../api";
import { ShareHistogram, TrendChart } from "../components/WorkloadCharts";
import { DANGER_TEXT, defaultWorkloadArea, formatHours, formatShare, thisYearSoFar } from "../format";

type Child = Workload["children"][number];
type DepartmentRow = Workload["departments"][number];

const AREA = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The parent of a division code (12 → 9 → 6 → 4 → 2 digits), or undefined at the top. */
function parentCode(code: string): string | undefined {
  const lengths = [2, 4, 6, 9, 12];
  const index = lengths.indexOf(code.length);
  return index > 0 ? code.slice(0, lengths[index - 1]) : undefined;
}

function Kpi({ title, value, danger }: { title: string; value: ReactNode; danger?: boolean }) {
  return (
    <Card size="small" style={{ height: "100%" }}>
      <Statistic title={title} value={0} formatter={() => value} valueStyle={danger ? { color: DANGER_TEXT } : undefined} />
    </Card>
  );
}

/** 社区工作负担: administrative share, tasks imposed, funding, refusals and take-backs of an area, by child area and month. */
export function WorkloadPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const defaults = thisYearSoFar();
  const areaParam = params.get("area") ?? "";
  const fromParam = params.get("from") ?? "";
  const toParam = params.get("to") ?? "";
  const home = defaultWorkloadArea(me.data?.memberships ?? []);
  const area = AREA.test(areaParam) ? areaParam : home;
  const from = DAY.test(fromParam) ? fromParam : defaults.from;
  const to = DAY.test(toParam) ? toParam : defaults.to;
  const query: WorkloadQuery | undefined = area ? { area, from, to } : undefined;
  const workload = useWorkload(query);
  const data = workload.data;
  const update = (change: Record<string, string | undefined>) => setParams(withSearchParams(params, change));
  const up = area && home && area.length > home.length ? parentCode(area) : undefined;

  return (
    <>
      <PageHeader
        title={t("adminTasks.workload.title")}
        subtitle={t("adminTasks.workload.subtitle")}
        extra={
          <Flex gap={8} wrap align="center" className="sanshe-no-print">
            <label htmlFor="workload-area">{t("adminTasks.workload.area")}</label>
            <div style={{ width: 280 }}>
              <AreaCodeInput
                id="workload-area"
                value={areaParam || area || ""}
                onChange={(code) => update({ area: code })}
                placeholder={t("adminTasks.workload.area")}
              />
            </div>
            <DayRangePicker
              from={from}
              to={to}
              onChange={(range) => update(range)}
              placeholder={[t("adminTasks.workload.from"), t("adminTasks.workload.to")]}
              allowEmpty={[false, false]}
            />
            {query ? (
              <Button icon={<DownloadOutlined />} href={workloadExportHref(query)} download>
                {t("adminTasks.workload.export")}
              </Button>
            ) : null}
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t("adminTasks.workload.print")}
            </Button>
          </Flex>
        }
      />
      {!query ? <Empty description={t("adminTasks.workload.noArea")} /> : null}
      <ProblemAlert error={workload.error} style={{ marginBottom: 12 }} />
      {query && !data && !workload.error ? <Spin /> : null}
      {data ? (
        <Spin spinning={workload.isFetching}>
          <Flex vertical gap={16}>
            <Flex gap={12} align="baseline" wrap>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {data.area_name}
              </Typography.Title>
              <Typography.Text type="secondary">
                {data.from} ~ {data.to} · {t("adminTasks.workload.communities", { count: data.communities })}
              </Typography.Text>
              {up ? (
                <a
                  href={`?area=${up}`}
                  className="sanshe-no-print"
                  onClick={(event) => {
                    event.preventDefault();
                    update({ area: up });
                  }}
                >
                  ↑ {up}
                </a>
              ) : null}
            </Flex>
            <Row gutter={[12, 12]}>
              <Col xs={12} md={8} xl={4}>
                <Kpi
                  title={t("adminTasks.workload.share")}
                  value={formatShare(data.administrative_share)}
                  danger={data.administrative_share > 0.3}
                />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi title={t("adminTasks.workload.tasksImposed")} value={data.tasks_imposed} />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi title={t("adminTasks.workload.funded")} value={data.funded} />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi title={t("adminTasks.workload.unfunded")} value={data.unfunded} danger={data.unfunded > 0} />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi title={t("adminTasks.workload.refused")} value={data.refused} />
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Kpi title={t("adminTasks.workload.takenBack")} value={data.taken_back} />
              </Col>
            </Row>
            <Typography.Text type="secondary">
              {t("adminTasks.workload.administrativeHours")} {formatHours(data.administrative_hours)} ·{" "}
              {t("adminTasks.workload.serviceHours")} {formatHours(data.service_hours)} · {t("adminTasks.workload.reports")} {data.reports}{" "}
              · {t("adminTasks.workload.inspections")} {data.inspections} · {t("adminTasks.workload.meetings")} {data.meetings}
            </Typography.Text>
            {data.administrative_hours + data.service_hours === 0 && data.tasks_imposed === 0 ? (
              <Empty description={t("adminTasks.workload.empty")} />
            ) : (
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={14}>
                  <Card size="small" title={t("adminTasks.workload.trend")}>
                    <TrendChart workload={data} />
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <Card size="small" title={t("adminTasks.workload.histogram")}>
                    <ShareHistogram workload={data} />
                  </Card>
                </Col>
              </Row>
            )}
            <Card
              size="small"
              title={t("adminTasks.workload.children")}
              extra={<Typography.Text type="secondary">{t("adminTasks.workload.childrenHelp")}</Typography.Text>}
            >
              <SummaryTable<Child>
                rowKey="area_code"
                dataSource={data.children}
                scroll={{ x: 900 }}
                locale={{ emptyText: <Empty description={t("adminTasks.workload.noChildren")} /> }}
                columns={[
                  {
                    key: "area",
                    title: t("adminTasks.workload.area"),
                    render: (_v, row) => (
                      <a
                        href={`?area=${row.area_code}`}
                        onClick={(event) => {
                          event.preventDefault();
                          update({ area: row.area_code });
                        }}
                      >
                        {row.area_name}
                      </a>
                    ),
                  },
                  {
                    key: "share",
                    title: t("adminTasks.workload.share"),
                    align: "right",
                    render: (_v, row) => (
                      <Typography.Text style={row.administrative_share > 0.3 ? { color: DANGER_TEXT } : undefined}>
                        {formatShare(row.administrative_share)}
                      </Typography.Text>
                    ),
                  },
                  { key: "tasks", title: t("adminTasks.workload.tasksImposed"), dataIndex: "tasks_imposed", align: "right" },
                  { key: "funded", title: t("adminTasks.workload.funded"), dataIndex: "funded", align: "right" },
                  { key: "unfunded", title: t("adminTasks.workload.unfunded"), dataIndex: "unfunded", align: "right" },
                  { key: "refused", title: t("adminTasks.workload.refused"), dataIndex: "refused", align: "right" },
                  { key: "takenBack", title: t("adminTasks.workload.takenBack"), dataIndex: "taken_back", align: "right" },
                  {
                    key: "admin",
                    title: t("adminTasks.workload.administrativeHours"),
                    align: "right",
                    render: (_v, row) => formatHours(row.administrative_hours),
                  },
                  {
                    key: "service",
                    title: t("adminTasks.workload.serviceHours"),
                    align: "right",
                    render: (_v, row) => formatHours(row.service_hours),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t("adminTasks.workload.departments")}>
              <SummaryTable<DepartmentRow>
                rowKey="department_id"
                dataSource={data.departments}
                scroll={{ x: 600 }}
                locale={{ emptyText: <Empty description={t("adminTasks.workload.noDepartments")} /> }}
                columns={[
                  { key: "name", title: t("adminTasks.workload.department"), dataIndex: "department_name" },
                  { key: "tasks", title: t("adminTasks.workload.tasksImposed"), dataIndex: "tasks_imposed", align: "right" },
                  { key: "unfunded", title: t("adminTasks.workload.unfunded"), dataIndex: "unfunded", align: "right" },
                  { key: "refused", title: t("adminTasks.workload.refused"), dataIndex: "refused", align: "right" },
                  {
                    key: "hours",
                    title: t("adminTasks.workload.administrativeHours"),
                    align: "right",
                    render: (_v, row) => formatHours(row.administrative_hours),
                  },
                ]}
              />
            </Card>
          </Flex>
        </Spin>
      ) : null}
    </>
  );
}
