import type { NeedsDashboard } from "@sanshe/contracts";
import { BulbOutlined, PrinterOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Col, Empty, Flex, Row, Spin, Statistic, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router-dom";
import { DayRangePicker } from "../../../ui/DayRangePicker";
import { formatDateTime } from "../../../ui/formatDateTime";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useHasPermission } from "../../auth";
import { useNeedsDashboard } from "../api";
import { CategoryChart, TierChart } from "../components/DashboardCharts";
import { useDashboardQuery } from "../hooks/useDashboardQuery";
import { SummaryTable } from "../../../ui/SummaryTable";

type Child = NeedsDashboard["children"][number];
type Provider = NeedsDashboard["providers"][number];
type Closure = NeedsDashboard["recent_closures"][number];

/** A link to the needs list filtered to the area (and more), for users who may read needs. */
function useListLink() {
  const canRead = useHasPermission("needs.read");
  return (value: ReactNode, filters: Record<string, string>) => {
    if (!canRead) {
      return value;
    }
    // Underlined: these links sit in running text, where colour alone does not tell them apart.
    return (
      <Link to={`/needs?${new URLSearchParams(filters).toString()}`} style={{ textDecoration: "underline" }}>
        {value}
      </Link>
    );
  };
}

function Kpi({ title, value, suffix, danger }: { title: string; value: ReactNode; suffix?: string; danger?: boolean }) {
  return (
    <Card size="small" style={{ height: "100%" }}>
      <Statistic
        title={title}
        value={0}
        formatter={() => (value === null ? "—" : value)}
        suffix={value === null ? undefined : suffix}
        valueStyle={danger ? { color: "#cf1322" } : undefined}
      />
    </Card>
  );
}

/** 需求看板: needs of a jurisdiction by category, status, tier and provider, drilling down from city to community. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [query, update] = useDashboardQuery();
  const search = useLocation().search;
  const dashboard = useNeedsDashboard(query);
  const board = dashboard.data;
  const link = useListLink();
  const canRead = useHasPermission("needs.read");
  const canSuggestCall = useHasPermission("calls.manage");
  const area = board?.area.code ?? "";
  const number = (value: number | null, digits = 1) => (value === null ? null : value.toFixed(digits));

  return (
    <>
      <PageHeader
        title={t("needs.dashboard.title")}
        subtitle={t("needs.dashboard.subtitle")}
        extra={
          <Flex gap={8} wrap align="center" className="sanshe-no-print">
            <DayRangePicker
              from={query.from}
              to={query.to}
              onChange={(range) => update(range)}
              placeholder={[t("needs.dashboard.from"), t("needs.dashboard.to")]}
            />
            <Button icon={<PrinterOutlined />} href={`/needs/dashboard/print${search}`} target="_blank">
              {t("needs.dashboard.print")}
            </Button>
            {canSuggestCall && board ? (
              <Link to={`/calls/new?area=${encodeURIComponent(board.area.code)}`}>
                <Button type="primary" icon={<BulbOutlined />}>
                  {t("calls.suggest")}
                </Button>
              </Link>
            ) : null}
          </Flex>
        }
      />
      <ProblemAlert error={dashboard.error} style={{ marginBottom: 12 }} />
      {!board && !dashboard.error && <Spin />}
      {board && (
        <Spin spinning={dashboard.isFetching}>
          <Breadcrumb
            style={{ marginBottom: 12 }}
            items={board.path.map((step) => ({
              key: step.code,
              title:
                step.code === board.area.code ? (
                  <Typography.Text strong>{step.name}</Typography.Text>
                ) : (
                  <a
                    href={`?area=${step.code}`}
                    onClick={(event) => {
                      event.preventDefault();
                      update({ area: step.code });
                    }}
                  >
                    {step.name}
                  </a>
                ),
            }))}
          />
          {(query.from || query.to) && (
            <Typography.Paragraph type="secondary">
              {t("needs.dashboard.period", { from: query.from ?? "…", to: query.to ?? "…" })}
            </Typography.Paragraph>
          )}
          {board.totals.total === 0 ? (
            <Empty description={t("needs.dashboard.empty")} />
          ) : (
            <Flex vertical gap={16}>
              <Row gutter={[12, 12]}>
                <Col xs={12} md={8} xl={4}>
                  <Kpi title={t("needs.dashboard.open")} value={link(board.totals.open, { area })} />
                </Col>
                <Col xs={12} md={8} xl={4}>
                  <Kpi
                    title={t("needs.dashboard.overdue")}
                    value={link(board.totals.overdue_referrals, { area, overdue: "1" })}
                    danger={board.totals.overdue_referrals > 0}
                  />
                </Col>
                <Col xs={12} md={8} xl={4}>
                  <Kpi
                    title={t("needs.dashboard.medianRespond")}
                    value={number(board.totals.median_respond_hours)}
                    suffix={t("needs.dashboard.hours")}
                  />
                </Col>
                <Col xs={12} md={8} xl={4}>
                  <Kpi
                    title={t("needs.dashboard.medianResolve")}
                    value={number(board.totals.median_resolve_days)}
                    suffix={t("needs.dashboard.days")}
                  />
                </Col>
                <Col xs={12} md={8} xl={4}>
                  <Kpi
                    title={t("needs.dashboard.residentShare")}
                    value={
                      board.totals.resident_confirmation_share === null ? null : (board.totals.resident_confirmation_share * 100).toFixed(0)
                    }
                    suffix="%"
                  />
                </Col>
                <Col xs={12} md={8} xl={4}>
                  <Kpi title={t("needs.dashboard.rating")} value={number(board.totals.average_rating)} suffix="/ 5" />
                </Col>
              </Row>
              <Typography.Text type="secondary">
                {t("needs.dashboard.totalsLine", {
                  total: board.totals.total,
                  closed: board.totals.closed,
                  resident: board.totals.closed_by_resident,
                  callback: board.totals.closed_by_callback,
                  staff: board.totals.closed_by_staff,
                  callbackRating: number(board.totals.average_callback_rating) ?? "—",
                })}
                {board.approximate_medians ? ` ${t("needs.dashboard.approximateMedians")}` : null}{" "}
                {board.refresh_seconds === null
                  ? t("needs.dashboard.generatedLive", { at: formatDateTime(board.generated_at) })
                  : t("needs.dashboard.generatedEvery", { at: formatDateTime(board.generated_at), seconds: board.refresh_seconds })}
              </Typography.Text>
              <Row gutter={[12, 12]}>
                <Col xs={24} lg={14}>
                  <Card size="small" title={t("needs.dashboard.categoryChart")}>
                    {board.totals.open > 0 ? <CategoryChart board={board} /> : <Empty description={t("needs.dashboard.noOpen")} />}
                  </Card>
                </Col>
                <Col xs={24} lg={10}>
                  <Card size="small" title={t("needs.dashboard.tierChart")}>
                    <TierChart board={board} />
                  </Card>
                </Col>
              </Row>
              <Card size="small" title={t("needs.dashboard.byStatus")}>
                <Flex gap={16} wrap>
                  {board.by_status.map((entry) => (
                    <span key={entry.status}>
                      {t(`needs.status.${entry.status}`)}: {link(entry.count, { area, status: entry.status })}
                    </span>
                  ))}
                </Flex>
              </Card>
              <Card size="small" title={t("needs.dashboard.categories")}>
                <SummaryTable
                  rowKey="category"
                  dataSource={board.by_category}
                  columns={[
                    { title: t("needs.field.category"), render: (_, row) => link(row.name, { area, category: row.category }) },
                    { title: t("needs.dashboard.total"), dataIndex: "total", align: "right" },
                    { title: t("needs.dashboard.open"), dataIndex: "open", align: "right" },
                    {
                      title: t("needs.field.status"),
                      render: (_, row) =>
                        row.statuses.map((entry, index) => (
                          <span key={entry.status}>
                            {index > 0 && " · "}
                            {t(`needs.status.${entry.status}`)} {link(entry.count, { area, category: row.category, status: entry.status })}
                          </span>
                        )),
                    },
                  ]}
                />
              </Card>
              <Card
                size="small"
                title={
                  board.providers_total > board.providers.length
                    ? t("needs.dashboard.providersFirst", { shown: board.providers.length, total: board.providers_total })
                    : t("needs.dashboard.providers")
                }
              >
                <SummaryTable<Provider>
                  rowKey={(row) => `${row.provider_kind}:${row.provider_id ?? ""}`}
                  dataSource={board.providers}
                  locale={{ emptyText: <Empty description={t("needs.dashboard.noProviders")} /> }}
                  columns={[
                    {
                      title: t("needs.dashboard.provider"),
                      render: (_, row) => row.name ?? t(`needs.providerKind.${row.provider_kind}`),
                    },
                    { title: t("needs.dashboard.kind"), render: (_, row) => t(`needs.providerKind.${row.provider_kind}`) },
                    { title: t("needs.dashboard.referrals"), dataIndex: "referrals", align: "right" },
                    { title: t("needs.referralStatus.accepted"), dataIndex: "accepted", align: "right" },
                    { title: t("needs.referralStatus.done"), dataIndex: "done", align: "right" },
                    {
                      title: t("needs.dashboard.overdue"),
                      align: "right",
                      render: (_, row) => <Typography.Text type={row.overdue > 0 ? "danger" : undefined}>{row.overdue}</Typography.Text>,
                    },
                    { title: t("needs.referralStatus.declined"), dataIndex: "declined", align: "right" },
                    { title: t("needs.dashboard.minutes"), dataIndex: "minutes", align: "right" },
                    { title: t("needs.dashboard.rating"), align: "right", render: (_, row) => number(row.average_rating) ?? "—" },
                  ]}
                />
              </Card>
              {board.children.length > 0 && (
                <Card size="small" title={t("needs.dashboard.children")}>
                  <SummaryTable<Child>
                    rowKey="code"
                    dataSource={board.children}
                    onRow={(row) => ({ onClick: () => update({ area: row.code }), style: { cursor: "pointer" } })}
                    columns={[
                      {
                        title: t("needs.dashboard.area"),
                        render: (_, row) => (
                          <a
                            href={`?area=${row.code}`}
                            onClick={(event) => {
                              event.preventDefault();
                              event.stopPropagation();
                              update({ area: row.code });
                            }}
                          >
                            {row.name}
                          </a>
                        ),
                      },
                      { title: t("needs.dashboard.total"), dataIndex: "total", align: "right" },
                      { title: t("needs.dashboard.open"), dataIndex: "open", align: "right" },
                      {
                        title: t("needs.dashboard.overdue"),
                        align: "right",
                        render: (_, row) => <Typography.Text type={row.overdue > 0 ? "danger" : undefined}>{row.overdue}</Typography.Text>,
                      },
                      { title: t("needs.dashboard.closed"), dataIndex: "closed", align: "right" },
                      {
                        title: t("needs.dashboard.medianResolve"),
                        align: "right",
                        render: (_, row) => number(row.median_resolve_days) ?? "—",
                      },
                      { title: t("needs.dashboard.rating"), align: "right", render: (_, row) => number(row.average_rating) ?? "—" },
                    ]}
                  />
                </Card>
              )}
              <Card size="small" title={t("needs.dashboard.recentClosures")}>
                <div data-testid="recent-closures">
                  <SummaryTable<Closure>
                    rowKey="id"
                    dataSource={board.recent_closures}
                    locale={{ emptyText: <Empty description={t("needs.dashboard.noClosures")} /> }}
                    columns={[
                      { title: t("needs.field.category"), dataIndex: "category_name" },
                      { title: t("needs.field.description"), dataIndex: "excerpt", ellipsis: true },
                      { title: t("needs.dashboard.area"), render: (_, row) => row.area_name ?? row.area_code },
                      { title: t("needs.dashboard.rating"), align: "right", render: (_, row) => row.rating ?? "—" },
                      {
                        title: t("needs.dashboard.confirmedBy"),
                        render: (_, row) => (row.confirmed_by ? t(`needs.dashboard.confirmed.${row.confirmed_by}`) : "—"),
                      },
                      { title: t("needs.dashboard.closedAt"), render: (_, row) => formatDateTime(row.closed_at) },
                      ...(canRead
                        ? [{ title: "", render: (_: unknown, row: Closure) => link(t("needs.dashboard.openNeed"), { id: row.id }) }]
                        : []),
                    ]}
                  />
                </div>
              </Card>
            </Flex>
          )}
        </Spin>
      )}
    </>
  );
}
