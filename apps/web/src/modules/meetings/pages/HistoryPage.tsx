import { Card, Col, Empty, Row, Select, Statistic } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../auth";
import { PageHeader } from "../../../ui/PageHeader";
import { ProblemAlert } from "../../../ui/ProblemAlert";
import { useMeetingHistory } from "../api";

/** 会议档案: per area, meetings held, decisions, action-item completion rate and median delay. */
export function HistoryPage() {
  const { t } = useTranslation();
  const me = useMe();
  const areas = (me.data?.memberships ?? []).filter((m) => ["official", "community_staff", "evaluator"].includes(m.role));
  const [area, setArea] = useState<string | undefined>(undefined);
  const areaCode = area ?? areas[0]?.area_code;
  const history = useMeetingHistory(areaCode);
  const data = history.data;
  return (
    <>
      <PageHeader title={t("meetings.history.title")} subtitle={t("meetings.history.subtitle")} />
      <Card>
        <Select
          style={{ width: 260, marginBottom: 16 }}
          value={areaCode}
          onChange={setArea}
          options={areas.map((m) => ({ value: m.area_code, label: m.area_name }))}
          aria-label={t("meetings.fields.area")}
        />
        {history.isError ? <ProblemAlert error={history.error} /> : null}
        {!areaCode ? <Empty description={t("meetings.history.noArea")} /> : null}
        {data ? (
          <Row gutter={16}>
            <Col span={4}>
              <Statistic title={t("meetings.history.held")} value={data.meetings_held} />
            </Col>
            <Col span={4}>
              <Statistic title={t("meetings.history.decisions")} value={data.decisions} />
            </Col>
            <Col span={4}>
              <Statistic title={t("meetings.history.items")} value={data.action_items} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t("meetings.history.rate")}
                value={data.completion_rate === null ? "—" : `${Math.round(data.completion_rate * 100)}%`}
              />
            </Col>
            <Col span={6}>
              <Statistic
                title={t("meetings.history.delay")}
                value={data.median_delay_days === null ? "—" : t("meetings.history.days", { count: data.median_delay_days })}
              />
            </Col>
          </Row>
        ) : null}
      </Card>
    </>
  );
}
