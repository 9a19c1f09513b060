import { BarChartOutlined, CloudUploadOutlined, PaperClipOutlined, PlusOutlined } from "@ant-design/icons";
import type { LedgerDirection, LedgerEntry, LedgerHolderKind, LedgerPurpose, LedgerSource } from "@sanshe/contracts";
import { LEDGER_SORTS, LedgerDirectionSchema, LedgerHolderKindSchema, LedgerPurposeSchema, LedgerSourceSchema } from "@sanshe/contracts";
import { Button, Card, Col, Form, Row, Select, Skeleton, Statistic, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router-dom";
import { useMe } from "../../../auth";
import { CursorListTable } from "../../../../ui/CursorListTable";
import { ExportButton } from "../../../../ui/ExportButton";
import { PageHeader } from "../../../../ui/PageHeader";
import { ProblemAlert } from "../../../../ui/ProblemAlert";
import { useUrlParams, useUrlSort } from "../../../../ui/searchParams";
import { useCursorPaging } from "../../../../ui/useCursorPagination";
import { formatFen } from "../../money";
import { useLedger, useLedgerSummary, type LedgerSummaryParams } from "../api";
import { LedgerAttachmentsDrawer } from "../components/LedgerAttachmentsDrawer";
import { LedgerBalancesTable } from "../components/LedgerBalancesTable";
import { LedgerEntryDrawer, type LedgerHolderChoice } from "../components/LedgerEntryDrawer";
import { LedgerSummaryView } from "../components/LedgerSummaryView";
import { PrintButton } from "../components/PrintButton";

type Filters = {
  holder_kind?: LedgerHolderKind;
  direction?: LedgerDirection;
  source?: LedgerSource;
  purpose?: LedgerPurpose;
  year?: number;
};

/** The ledgers the signed-in user records for and the area whose ledgers they read. */
function useLedgerRoles() {
  const { data: me } = useMe();
  const memberships = me?.memberships ?? [];
  const permissions = me?.permissions ?? [];
  const canRecord = permissions.includes("ledger.record");
  const holders: LedgerHolderChoice[] = canRecord
    ? [
        ...memberships
          .filter((m) => m.role === "community_staff" && m.area_code.length === 12)
          .map((m) => ({ kind: "community" as const, id: m.area_code, name: m.area_name })),
        ...memberships
          .filter((m) => m.role === "org_staff" && m.organization_id !== null)
          .map((m) => ({ kind: "organization" as const, id: m.organization_id as string, name: m.organization_name ?? "" })),
      ]
    : [];
  const officialArea = memberships.find((m) => m.role === "official" || m.role === "community_staff");
  const orgArea = memberships.find((m) => m.role === "org_staff");
  return {
    holders,
    canImport: canRecord && permissions.includes("imports.run"),
    isOfficial: memberships.some((m) => m.role === "official"),
    /** The area whose balances the page shows. */
    area: officialArea
      ? { code: officialArea.area_code, name: officialArea.area_name }
      : orgArea
        ? { code: orgArea.area_code, name: orgArea.area_name }
        : undefined,
  };
}

/** 资金台账: money in by source and out by purpose of communities and organizations, with balances per holder and year. */
export function FundingLedgerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { holders, canImport, isOfficial, area } = useLedgerRoles();
  // The filters live in the URL (a contract page links here with ?contract=…).
  const [raw, setRaw] = useUrlParams(["holder_kind", "direction", "source", "purpose", "year", "contract"] as const);
  const year = Number(raw.year);
  const filters: Filters = {
    holder_kind: LedgerHolderKindSchema.options.find((value) => value === raw.holder_kind),
    direction: LedgerDirectionSchema.options.find((value) => value === raw.direction),
    source: LedgerSourceSchema.options.find((value) => value === raw.source),
    purpose: LedgerPurposeSchema.options.find((value) => value === raw.purpose),
    year: Number.isInteger(year) && year > 0 ? year : undefined,
  };
  const setFilters = (changes: Filters) =>
    setRaw(Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value === undefined ? undefined : String(value)])));
  const contractId = raw.contract;
  const [sort, setSort] = useUrlSort(LEDGER_SORTS);
  const [isRecording, setIsRecording] = useState(false);
  const [opened, setOpened] = useState<LedgerEntry | undefined>(undefined);
  const paging = useCursorPaging([filters, contractId, sort], 20);
  const { pagination, pageSize } = paging;
  const listFilters = { ...filters, contract_id: contractId, sort };
  const list = useLedger({ ...listFilters, cursor: pagination.cursor, limit: pageSize });
  const firstHolder = holders[0];
  const summaryParams: LedgerSummaryParams | undefined = firstHolder
    ? firstHolder.kind === "organization"
      ? { org_id: firstHolder.id }
      : { community: firstHolder.id }
    : area
      ? { area: area.code }
      : undefined;
  const summary = useLedgerSummary(summaryParams);
  const years = Array.from({ length: 6 }, (_v, index) => new Date().getFullYear() - index);

  const columns: TableColumnsType<LedgerEntry> = [
    { key: "paid_on", title: t("contracts.ledger.paidOn"), dataIndex: "paid_on", width: 120 },
    {
      key: "holder",
      title: t("contracts.ledger.holder"),
      render: (_v, row) => (
        <>
          <Tag>{t(`contracts.ledger.holderKinds.${row.holder_kind}`)}</Tag>
          {row.holder_name}
        </>
      ),
    },
    {
      key: "category",
      title: t("contracts.ledger.category"),
      render: (_v, row) => (
        <>
          <Tag color={row.direction === "in" ? "green" : "orange"}>{t(`contracts.ledger.directions.${row.direction}`)}</Tag>
          <Tag>
            {row.source ? t(`contracts.ledger.sources.${row.source}`) : row.purpose ? t(`contracts.ledger.purposes.${row.purpose}`) : ""}
          </Tag>
        </>
      ),
    },
    {
      key: "amount",
      title: t("contracts.ledger.amount"),
      align: "right",
      width: 140,
      render: (_v, row) => (
        <span style={{ whiteSpace: "nowrap" }}>
          {row.direction === "out" ? `−${formatFen(row.amount_fen)}` : formatFen(row.amount_fen)}
        </span>
      ),
    },
    {
      key: "description",
      title: t("contracts.ledger.description"),
      render: (_v, row) => (
        <>
          {row.contract_id ? <Link to={`/contracts/${row.contract_id}`}>{row.description}</Link> : row.description}
          {row.reference ? <Typography.Text type="secondary"> · {row.reference}</Typography.Text> : null}
        </>
      ),
    },
    {
      key: "attachments",
      title: t("contracts.ledger.attachments"),
      width: 90,
      render: (_v, row) => (
        <Button
          size="small"
          type="link"
          icon={<PaperClipOutlined />}
          onClick={() => setOpened(row)}
          aria-label={`${row.attachments} ${t("contracts.ledger.openAttachments")}`}
        >
          {row.attachments}
        </Button>
      ),
    },
  ];
  const canUploadTo = (entry: LedgerEntry | undefined) =>
    entry !== undefined &&
    holders.some((h) => (h.kind === "community" ? entry.community_code === h.id : entry.org_id === h.id)) &&
    entry.source !== "gov_purchase" &&
    entry.source !== "task_funding";

  return (
    <>
      <PageHeader
        title={t("contracts.ledger.title")}
        subtitle={t("contracts.ledger.subtitle")}
        extra={
          <>
            {holders.length > 0 ? (
              <Button className="sanshe-no-print" type="primary" icon={<PlusOutlined />} onClick={() => setIsRecording(true)}>
                {t("contracts.ledger.record")}
              </Button>
            ) : null}
            {canImport ? (
              <Button
                className="sanshe-no-print"
                icon={<CloudUploadOutlined />}
                onClick={() => void navigate("/imports", { state: { kind: "funding-ledger" } })}
              >
                {t("contracts.ledger.import")}
              </Button>
            ) : null}
            {isOfficial ? (
              <Link to="/funding-ledger/structure">
                <Button className="sanshe-no-print" icon={<BarChartOutlined />}>
                  {t("contracts.ledger.structureLink")}
                </Button>
              </Link>
            ) : null}
            <ExportButton kind="funding-ledger" filters={listFilters} />
            <PrintButton />
          </>
        }
      />
      <Card
        title={
          firstHolder
            ? t("contracts.ledger.summaryOrg", { name: firstHolder.name })
            : area
              ? t("contracts.ledger.summaryArea", { name: area.name })
              : t("contracts.ledger.summary")
        }
        style={{ marginBottom: 16 }}
      >
        {!summaryParams ? (
          <Typography.Text type="secondary">{t("contracts.ledger.summaryNone")}</Typography.Text>
        ) : summary.isError ? (
          <ProblemAlert error={summary.error} />
        ) : summary.data ? (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={8}>
                <Statistic
                  title={t("contracts.ledger.in")}
                  value={summary.data.total_fen}
                  formatter={() => formatFen(summary.data.total_fen)}
                />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t("contracts.ledger.out")}
                  value={summary.data.out_fen}
                  formatter={() => formatFen(summary.data.out_fen)}
                />
              </Col>
              <Col span={8}>
                <Statistic
                  title={t("contracts.ledger.balance")}
                  value={summary.data.balance_fen}
                  formatter={() => formatFen(summary.data.balance_fen)}
                />
              </Col>
            </Row>
            <LedgerSummaryView summary={summary.data} />
          </>
        ) : (
          <Skeleton active />
        )}
      </Card>
      {area ? (
        <Card title={t("contracts.ledger.balancesTitle", { name: area.name })} style={{ marginBottom: 16 }}>
          <LedgerBalancesTable area={area.code} year={filters.year} />
        </Card>
      ) : null}
      <Card title={t("contracts.ledger.rows")}>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }} className="sanshe-no-print">
          <Form.Item label={t("contracts.ledger.holderKind")}>
            <Select
              allowClear
              aria-label={t("contracts.ledger.holderKind")}
              style={{ width: 120 }}
              value={filters.holder_kind}
              onChange={(value: LedgerHolderKind | undefined) => setFilters({ holder_kind: value })}
              options={(["community", "organization"] as const).map((value) => ({
                value,
                label: t(`contracts.ledger.holderKinds.${value}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t("contracts.ledger.direction")}>
            <Select
              allowClear
              aria-label={t("contracts.ledger.direction")}
              style={{ width: 100 }}
              value={filters.direction}
              onChange={(value: LedgerDirection | undefined) =>
                setFilters({
                  direction: value,
                  source: value === "out" ? undefined : filters.source,
                  purpose: value === "in" ? undefined : filters.purpose,
                })
              }
              options={(["in", "out"] as const).map((value) => ({ value, label: t(`contracts.ledger.directions.${value}`) }))}
            />
          </Form.Item>
          {filters.direction !== "out" ? (
            <Form.Item label={t("contracts.ledger.source")}>
              <Select
                allowClear
                aria-label={t("contracts.ledger.source")}
                style={{ width: 150 }}
                value={filters.source}
                onChange={(value: LedgerSource | undefined) => setFilters({ source: value })}
                options={LedgerSourceSchema.options.map((value) => ({ value, label: t(`contracts.ledger.sources.${value}`) }))}
              />
            </Form.Item>
          ) : null}
          {filters.direction !== "in" ? (
            <Form.Item label={t("contracts.ledger.purpose")}>
              <Select
                allowClear
                aria-label={t("contracts.ledger.purpose")}
                style={{ width: 130 }}
                value={filters.purpose}
                onChange={(value: LedgerPurpose | undefined) => setFilters({ purpose: value })}
                options={LedgerPurposeSchema.options.map((value) => ({ value, label: t(`contracts.ledger.purposes.${value}`) }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t("contracts.ledger.year")}>
            <Select
              allowClear
              aria-label={t("contracts.ledger.year")}
              style={{ width: 100 }}
              value={filters.year}
              onChange={(value: number | undefined) => setFilters({ year: value })}
              options={years.map((value) => ({ value, label: String(value) }))}
            />
          </Form.Item>
          {contractId ? (
            <Tag closable onClose={() => setRaw({ contract: undefined })}>
              {t("contracts.ledger.oneContract")}
            </Tag>
          ) : null}
        </Form>
        <CursorListTable<LedgerEntry>
          query={list}
          paging={paging}
          columns={columns}
          scrollX={960}
          emptyText={holders.length > 0 ? t("contracts.ledger.emptyOrg") : t("contracts.ledger.empty")}
          sorting={{ allowed: LEDGER_SORTS, sort, onChange: setSort }}
          columnsKey="funding-ledger"
        />
      </Card>
      {holders.length > 0 ? <LedgerEntryDrawer open={isRecording} onClose={() => setIsRecording(false)} holders={holders} /> : null}
      <LedgerAttachmentsDrawer entry={opened} canUpload={canUploadTo(opened)} onClose={() => setOpened(undefined)} />
    </>
  );
}
