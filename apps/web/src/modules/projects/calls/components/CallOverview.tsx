import { callEndpoints, type CallDetail } from "@sanshe/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Typography } from "antd";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { endpointKey } from "../../../../ui/api";
import { formatDateTime } from "../../../../ui/formatDateTime";
import { formatFen } from "../../money";
import { useNeedCategoryList } from "../api";
import { Countdown } from "./Countdown";
import { SummaryTable } from "../../../../ui/SummaryTable";

/** What everyone who reads the call sees: content, needs answered with counts, money, eligibility, deadline, rubric, panel. */
export function CallOverview({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const categories = useNeedCategoryList();
  const categoryName = (code: string) => categories.data?.items.find((c) => c.code === code)?.name ?? code;
  const refresh = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: endpointKey(callEndpoints.get, { params: { id: call.id } }) }),
    [queryClient, call.id],
  );
  const weights = call.evaluation_weights;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("calls.fields.purchaser")}>{call.purchaser_name}</Descriptions.Item>
          <Descriptions.Item label={t("calls.fields.mode")}>{t(`calls.mode.${call.mode}`)}</Descriptions.Item>
          <Descriptions.Item label={t("calls.fields.totalBudget")}>{formatFen(call.total_budget_fen)}</Descriptions.Item>
          <Descriptions.Item label={t("calls.fields.projectCap")}>{formatFen(call.project_cap_fen)}</Descriptions.Item>
          <Descriptions.Item label={t("calls.fields.deadline")}>
            <Flex gap={8} wrap>
              <span>{formatDateTime(call.submission_deadline)}</span>
              {call.status === "open" || call.status === "draft" ? (
                <Countdown deadline={call.submission_deadline} onPassed={refresh} />
              ) : null}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t("calls.fields.publishedAt")}>{formatDateTime(call.published_at)}</Descriptions.Item>
          <Descriptions.Item label={t("calls.fields.ocid")}>
            <Typography.Text copyable style={{ fontSize: 12 }}>
              {call.ocid}
            </Typography.Text>
          </Descriptions.Item>
          {call.awarded_at ? (
            <Descriptions.Item label={t("calls.fields.awardedAt")}>{formatDateTime(call.awarded_at)}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap", marginTop: 12, marginBottom: 0 }}>{call.description}</Typography.Paragraph>
      </Card>

      <Card title={t("calls.detail.needs")}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <SummaryTable
              rowKey="code"
              dataSource={call.need_counts.categories}
              locale={{ emptyText: <Empty description={t("calls.detail.noCategories")} /> }}
              columns={[
                { key: "code", title: t("calls.fields.needCategories"), render: (_v, row) => categoryName(row.code) },
                { key: "open", title: t("calls.detail.openNeeds"), dataIndex: "open", align: "right" },
                { key: "year", title: t("calls.detail.lastYear"), dataIndex: "last_12_months", align: "right" },
              ]}
            />
          </Col>
          <Col xs={24} md={12}>
            <SummaryTable
              rowKey="area_code"
              dataSource={call.need_counts.areas}
              columns={[
                {
                  key: "area",
                  title: t("calls.fields.targetAreas"),
                  dataIndex: "area_name",
                },
                { key: "open", title: t("calls.detail.openNeeds"), dataIndex: "open", align: "right" },
                { key: "year", title: t("calls.detail.lastYear"), dataIndex: "last_12_months", align: "right" },
              ]}
            />
          </Col>
        </Row>
      </Card>

      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card title={t("calls.detail.eligibility")} style={{ height: "100%" }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t("calls.fields.minGrade")}>{call.min_org_grade ?? t("calls.form.anyGrade")}</Descriptions.Item>
              <Descriptions.Item label={t("calls.fields.orgCategories")}>
                {call.eligible_org_categories.length === 0
                  ? t("calls.detail.allCategories")
                  : call.eligible_org_categories.map((c) => <Tag key={c}>{t(`calls.orgCategory.${c}`)}</Tag>)}
              </Descriptions.Item>
              <Descriptions.Item label={t("calls.fields.localPresence")}>
                {call.require_local_presence ? t("calls.detail.yes") : t("calls.detail.no")}
              </Descriptions.Item>
              <Descriptions.Item label={t("calls.fields.requiredDocuments")}>
                {call.required_documents.length === 0
                  ? t("calls.detail.none")
                  : call.required_documents.map((d) => <Tag key={d}>{t(`calls.docType.${d}`, { defaultValue: d })}</Tag>)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t("calls.detail.rubric")} style={{ height: "100%" }}>
            <SummaryTable
              rowKey="id"
              dataSource={call.criteria}
              columns={[
                { key: "name", title: t("calls.form.criterion"), render: (_v, c) => c.name },
                { key: "description", title: t("calls.fields.description"), render: (_v, c) => c.description ?? "—" },
                { key: "weight", title: t("calls.detail.weight"), align: "right", render: (_v, c) => `${c.weight}%` },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t("calls.detail.evaluationWeights", weights)}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              {t("calls.fields.reviewers")}：{call.reviewers.map((r) => r.display_name).join("、") || t("calls.detail.none")}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
